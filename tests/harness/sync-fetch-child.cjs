// Child process of the harness's UrlFetchApp: performs one HTTP request and prints its outcome as JSON.
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk;
});
process.stdin.on("end", async () => {
  const request = JSON.parse(input);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = await response.text();
    const headers = Object.fromEntries(response.headers.entries());
    process.stdout.write(JSON.stringify({ status: response.status, headers, body }));
  } catch (error) {
    const timeout = error && (error.name === "TimeoutError" || error.name === "AbortError");
    process.stdout.write(JSON.stringify({ failure: timeout ? "timeout" : "unreachable" }));
  }
});

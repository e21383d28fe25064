// Worker thread: a sender that claims one mail and starts sending it, for the test to kill mid-send.
import { workerData } from "node:worker_threads";
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { deliverMail, RETRY_POLICY } from "../../src/mail/sender.ts";
import { smtpTransport } from "../../src/mail/smtp.ts";

const { projectId, port, mailId } = workerData as {
  projectId: string;
  port: number;
  mailId: string;
};
const transport = await smtpTransport({ host: "127.0.0.1", port, user: null, password: null });
await deliverMail(
  {
    db: getFirestore(initializeApp({ projectId })),
    clock: () => new Date(),
    transport,
    from: "Baromètre des PIMMS <barometre@pimms.example>",
    policy: RETRY_POLICY,
    logger: { error: () => {} },
  },
  mailId,
);

// What the harness's builders share: each step is counted as a handle call (a builder is local) and changes its model.
import { asGas } from "./as-gas.ts";
import type { Book } from "./book.ts";

export abstract class CountedBuilder<Model, Gas> {
  constructor(
    protected readonly book: Book,
    private readonly className: string,
    protected readonly model: Model,
  ) {}

  protected step(method: string, change: (model: Model) => void): Gas {
    this.book.calls.record("handle", `${this.className}.${method}`);
    change(this.model);
    return asGas(this);
  }
}

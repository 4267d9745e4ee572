// Path definitions several collections share.
export const created = () => ({
  type: Date,
  required: true,
  default: () => new Date(),
  immutable: true,
});
export const count = () => ({ type: Number, required: true, default: 0, min: 0 });

/**
 * The encoded-row layout: the only thing model/ learns about the data (CTGAN's output_info_list).
 * Produced by the DataTransformer; read by the ConditionalSampler and the generator's activations.
 */

/** One activation block of the encoded row. */
export interface OutputSpan {
  /** Offset of the block in the encoded row. */
  start: number;
  width: number;
  /** tanh for a continuous column's alpha scalar; softmax (Gumbel-softmax in G) for any one-hot block. */
  activation: 'tanh' | 'softmax';
}

/** A discrete column's one-hot block: a target for the conditional vector. */
export interface DiscreteSpan {
  /** Index of the column in the transformer's column list (see EncodedLayout.columnNames). */
  column: number;
  /** Offset of the one-hot block in the encoded row. */
  start: number;
  /** Number of categories (including a null category when the column had nulls). */
  width: number;
  /** Offset of this column's block inside the conditional vector. */
  condStart: number;
  /** Category labels in one-hot order; a null category is labelled by NULL_CATEGORY. */
  categories: string[];
}

export interface EncodedLayout {
  /** Width of one encoded row (data_dim). */
  width: number;
  spans: OutputSpan[];
  discrete: DiscreteSpan[];
  /** Width of the conditional vector (sum of discrete widths; 0 when no discrete columns). */
  condWidth: number;
  /**
   * Names of the learned columns, in encoded order (DiscreteSpan.column indexes this list).
   * Always set by the DataTransformer; optional so hand-built layouts in tests stay valid.
   */
  columnNames?: string[];
}

/** Row-major encoded matrix: rows x width float32. */
export interface EncodedMatrix {
  rows: number;
  width: number;
  data: Float32Array;
}

/** Label of the explicit null category in a discrete span. */
export const NULL_CATEGORY = '\u0000null';

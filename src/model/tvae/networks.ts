/**
 * The TVAE networks (CTGAN-SPEC 8): encoder data_dim -> compress dims (Linear+ReLU) -> mu and
 * logvar heads; decoder latent -> decompress dims (Linear+ReLU) -> Linear(data_dim), plus a learned
 * per-output-dimension sigma (init 0.1). One Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8) over
 * encoder, decoder and sigma, as the reference's single optimizer over both modules.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng.ts';
import { SynthtabError } from '../../core/errors.ts';
import { Dense, Module, type NamedVariable } from '../modules.ts';
import type { WeightSnapshot } from '../networks.ts';
import { assignWeights, readWeights } from '../weights.ts';
import { SIGMA_INIT, type TvaeOptions } from './options.ts';

/** The learned per-dimension decoder sigma. */
class Sigma extends Module {
  readonly sigma: tf.Variable;
  constructor(width: number) {
    super();
    this.sigma = this.add('decoder.sigma', tf.fill([width], SIGMA_INIT));
  }
}

function mlp(prefix: string, input: number, dims: readonly number[], rng: Rng): Dense[] {
  const layers: Dense[] = [];
  let d = input;
  dims.forEach((h, i) => {
    layers.push(new Dense(`${prefix}.${i}`, d, h, rng.fork()));
    d = h;
  });
  return layers;
}

function applyRelu(layers: readonly Dense[], x: tf.Tensor2D): tf.Tensor2D {
  let h = x;
  for (const l of layers) h = tf.relu(l.apply(h));
  return h;
}

export class TvaeNetworks {
  readonly encoder: Dense[];
  readonly mu: Dense;
  readonly logvar: Dense;
  readonly decoder: Dense[];
  readonly out: Dense;
  private readonly sigmaModule: Sigma;
  readonly optimizer: tf.Optimizer;

  constructor(readonly width: number, readonly options: TvaeOptions, rng: Rng) {
    if (width < 1) throw new SynthtabError('no-trainable-columns', 'There is nothing to learn: the encoded width is 0.');
    const enc = options.compressDims;
    const dec = options.decompressDims;
    this.encoder = mlp('encoder', width, enc, rng);
    const last = enc.length > 0 ? enc[enc.length - 1]! : width;
    this.mu = new Dense('encoder.mu', last, options.embeddingDim, rng.fork());
    this.logvar = new Dense('encoder.logvar', last, options.embeddingDim, rng.fork());
    this.decoder = mlp('decoder', options.embeddingDim, dec, rng);
    this.out = new Dense('decoder.out', dec.length > 0 ? dec[dec.length - 1]! : options.embeddingDim, width, rng.fork());
    this.sigmaModule = new Sigma(width);
    this.optimizer = tf.train.adam(options.learningRate, 0.9, 0.999, 1e-8);
  }

  get sigma(): tf.Variable {
    return this.sigmaModule.sigma;
  }

  /** mu and logvar [B, latent] of encoded rows x [B, width]. */
  encode(x: tf.Tensor2D): { mu: tf.Tensor2D; logvar: tf.Tensor2D } {
    const h = applyRelu(this.encoder, x);
    return { mu: this.mu.apply(h), logvar: this.logvar.apply(h) };
  }

  /** Raw decoder output [B, width] (no activation). */
  decode(z: tf.Tensor2D): tf.Tensor2D {
    return this.out.apply(applyRelu(this.decoder, z));
  }

  /** Every variable in a stable order: encoder, heads, decoder, output, sigma. */
  namedVariables(): NamedVariable[] {
    return [
      ...this.encoder.flatMap((l) => l.namedVariables()),
      ...this.mu.namedVariables(),
      ...this.logvar.namedVariables(),
      ...this.decoder.flatMap((l) => l.namedVariables()),
      ...this.out.namedVariables(),
      ...this.sigmaModule.namedVariables(),
    ];
  }

  trainableVariables(): tf.Variable[] {
    return this.namedVariables().map((v) => v.variable);
  }

  async getWeights(): Promise<WeightSnapshot[]> {
    return readWeights(this.namedVariables());
  }

  /** Overwrite weights; every variable must be present with its exact shape. */
  setWeights(weights: readonly WeightSnapshot[]): void {
    assignWeights(this.namedVariables(), weights);
  }

  dispose(): void {
    for (const l of [...this.encoder, this.mu, this.logvar, ...this.decoder, this.out]) l.dispose();
    this.sigmaModule.dispose();
    this.optimizer.dispose();
  }
}

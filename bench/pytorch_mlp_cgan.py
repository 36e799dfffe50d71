#!/usr/bin/python3
"""PyTorch reference for the training speed of augment's MLP conditional GAN (not part of the build).

Builds the same networks, losses, optimiser and training step as dev.augment.train.GanTrainer with
the MLP layout (NetworkLayout.mlp, ConditionalGenerator, ConditionalDiscriminator, GanLosses,
GanNetworks.updateAverage) and times one epoch of Fashion-MNIST: 60 000 / batch optimiser steps, each
one D step then one G step then the moving-average update, on the same number of threads as DJL uses.

    G: concat(z[64], W_e one_hot[32]) -> Linear 256 -> BN -> LeakyReLU(0.2) -> Linear 512 -> BN
       -> LeakyReLU(0.2) -> Linear 784 -> tanh
    D: h = LeakyReLU(Linear 256(LeakyReLU(Linear 512(x)))); logit = psi([h, batch std]) + <W_p one_hot, h>;
       class logits = Linear k(h) (computed always, as DJL's forward does)
    losses: non-saturating, softplus; auxiliary cross-entropy times --aux-weight
    Adam(2e-4, 0.5, 0.999, eps 1e-8) for G and D; batches balanced over classes (rows drawn with
    replacement, batch / k per class); the averaged G moves with decay min(0.999, (1+t)/(10+t)),
    batch-norm running statistics left out (they are recomputed once per epoch, outside the timed loop).

The shipped model's recipe (models/fashion-mnist.md) is the default: --aux-weight 0 --minibatch-std.
Usage:
    /usr/bin/python3 bench/pytorch_mlp_cgan.py [--data /usr/share/datasets/fashion-mnist] [--threads 2]
        [--batch 64] [--steps N (default: one epoch)] [--aux-weight 0] [--no-minibatch-std]
Prints the steps, the seconds of the timed loop and steps/s; the first --warm-up steps are not timed.
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def find(folder, stem):
    for name in (stem, stem + ".gz"):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    raise FileNotFoundError(os.path.join(folder, stem))


class Generator(nn.Module):
    def __init__(self, latent, classes, embedding, features):
        super().__init__()
        self.embedding = nn.Linear(classes, embedding, bias=False)
        # DJL's BatchNorm: momentum 0.9 on the running value is PyTorch's momentum 0.1
        self.trunk = nn.Sequential(
            nn.Linear(latent + embedding, 256), nn.BatchNorm1d(256, eps=1e-5, momentum=0.1), nn.LeakyReLU(0.2),
            nn.Linear(256, 512), nn.BatchNorm1d(512, eps=1e-5, momentum=0.1), nn.LeakyReLU(0.2),
            nn.Linear(512, features), nn.Tanh())

    def forward(self, z, one_hot):
        return self.trunk(torch.cat([z, self.embedding(one_hot)], 1))


class Discriminator(nn.Module):
    def __init__(self, features, classes, minibatch_std):
        super().__init__()
        self.minibatch_std = minibatch_std
        self.trunk = nn.Sequential(nn.Linear(features, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2))
        self.adversarial = nn.Linear(256 + (1 if minibatch_std else 0), 1)
        self.projection = nn.Linear(classes, 256, bias=False)
        self.auxiliary = nn.Linear(256, classes)

    def forward(self, x, one_hot):
        h = self.trunk(x)
        if self.minibatch_std:
            centred = h - h.mean(0, keepdim=True)
            std = (centred * centred).mean(0).add(1e-8).sqrt().mean()
            head = torch.cat([h, torch.ones(h.shape[0], 1) * std], 1)
        else:
            head = h
        psi = self.adversarial(head).reshape(-1)
        logit = psi + (self.projection(one_hot) * h).sum(1)
        return logit, self.auxiliary(h)


def softplus(x):
    # GanLosses.softplus: max(x, 0) + log(1 + exp(-|x|))
    return x.clamp(min=0) + (-x.abs()).exp().add(1).log()


def cross_entropy(logits, one_hot):
    return -(F.log_softmax(logits, 1) * one_hot).sum(1).mean()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads (DJL's PyTorch uses 2 here)")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=0, help="timed steps (default: one epoch, 60000 / batch)")
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--aux-weight", type=float, default=0.0)
    parser.add_argument("--no-minibatch-std", action="store_true")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    images = read_idx(find(args.data, "train-images-idx3-ubyte")).reshape(-1, 784).astype(np.float32)
    labels = read_idx(find(args.data, "train-labels-idx1-ubyte")).astype(np.int64)
    data = torch.from_numpy(images / 255.0 * 2 - 1)
    classes = int(labels.max()) + 1
    rows_of_class = [np.flatnonzero(labels == c) for c in range(classes)]
    steps = args.steps if args.steps > 0 else len(images) // args.batch

    g = Generator(64, classes, 32, 784)
    g_avg = Generator(64, classes, 32, 784)
    g_avg.load_state_dict(g.state_dict())
    for p in g_avg.parameters():
        p.requires_grad_(False)
    d = Discriminator(784, classes, not args.no_minibatch_std)
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    live_avg = [(a, b) for a, b in zip(g_avg.parameters(), g.parameters())]

    def step(t):
        # balanced batch: batch / k rows of every class (remainder rotating), drawn with replacement
        per_class = np.full(classes, args.batch // classes)
        remainder = args.batch % classes
        start = (t * remainder) % classes
        for j in range(remainder):
            per_class[(start + j) % classes] += 1
        rows = np.concatenate([rng.choice(rows_of_class[c], per_class[c]) for c in range(classes)])
        real = data[rows]
        one_hot = F.one_hot(torch.from_numpy(labels[rows]), classes).float()
        z_d = torch.randn(args.batch, 64)
        z_g = torch.randn(args.batch, 64)

        fake = g(z_d, one_hot).detach()
        real_logit, real_classes = d(real, one_hot)
        fake_logit, _ = d(fake, one_hot)
        loss_d = softplus(-real_logit).mean() + softplus(fake_logit).mean()
        if args.aux_weight > 0:
            loss_d = loss_d + cross_entropy(real_classes, one_hot) * args.aux_weight
        opt_d.zero_grad(set_to_none=False)
        loss_d.backward()
        opt_d.step()

        fake_logit, fake_classes = d(g(z_g, one_hot), one_hot)
        loss_g = softplus(-fake_logit).mean()
        if args.aux_weight > 0:
            loss_g = loss_g + cross_entropy(fake_classes, one_hot) * args.aux_weight
        opt_g.zero_grad(set_to_none=False)
        loss_g.backward()
        opt_g.step()

        with torch.no_grad():
            decay = min(0.999, (1.0 + t + 1) / (10.0 + t + 1))
            for avg, live in live_avg:
                avg.mul_(decay).add_(live * (1 - decay))
        # the loss values are read every step, as GanTrainer does for its divergence check
        return loss_d.item(), loss_g.item()

    for t in range(args.warm_up):
        step(t)
    started = time.perf_counter()
    for t in range(args.warm_up, args.warm_up + steps):
        step(t)
    seconds = time.perf_counter() - started
    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} threads, batch {args.batch}, "
          f"aux weight {args.aux_weight}, minibatch std {not args.no_minibatch_std}: "
          f"{steps} steps in {seconds:.2f} s, {steps / seconds:.2f} steps/s")


if __name__ == "__main__":
    main()

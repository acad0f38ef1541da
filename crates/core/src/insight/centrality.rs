//! Degree and betweenness centrality on a selection's collaboration graph ([`CollabGraph`]).
//!
//! Betweenness is Brandes' algorithm (unweighted shortest paths), normalised to the share of ordered pairs of
//! other nodes: b(v) = Σ_{s≠v≠t} σ_st(v)/σ_st / ((n-1)(n-2)), so 1 is the centre of a star. Exact when the graph
//! has at most `Options::exact_limit` nodes with an edge; above that it is estimated from `Options::pivots`
//! source nodes drawn uniformly with replacement (seeded SplitMix64, so the same selection gives the same
//! figures) among the m nodes with an edge (an isolated source adds nothing): estimate = m/k · Σ δ_s(v) / ((n-1)(n-2)),
//! unbiased. Its error is stated two ways (docs/insight.md): per node the standard error of that mean
//! (sample standard deviation / √k), and one Hoeffding bound for every node: each term lies in [0, m/(n-1)],
//! so with 95 % confidence |estimate − exact| ≤ m/(n-1) · √(ln(2/0.05) / 2k).

use super::CollabGraph;
use crate::generate::SplitMix64;
use crate::model::ActorId;

/// How centrality is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Exact Brandes up to this many nodes with an edge; sampled above.
    pub exact_limit: usize,
    /// Sampled source nodes (k) above the limit.
    pub pivots: usize,
    /// The sampling seed.
    pub seed: u64,
}

/// Exact Brandes up to 2,000 connected nodes (about 2,000 breadth-first searches).
pub const EXACT_LIMIT: usize = 2_000;
/// Pivots for a big graph: about 0.7 s natively on the 50,000-actor export (docs/benchmarks.md, "Insight
/// (native)"), inside the browser's 2 s for a worker; the 95 % Hoeffding bound is then 0.03 of the normalised
/// scale there. Four times the pivots halve the error at four times the time.
pub const PIVOTS: usize = 512;
/// The confidence of [`Centrality::bound`].
pub const CONFIDENCE: f64 = 0.95;

impl Default for Options {
    fn default() -> Options {
        Options {
            exact_limit: EXACT_LIMIT,
            pivots: PIVOTS,
            seed: 17,
        }
    }
}

/// How the betweenness values were obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Exact,
    /// Estimated from `pivots` sources drawn among `population` nodes with an edge, with `seed`.
    Sampled {
        pivots: usize,
        population: usize,
        seed: u64,
    },
}

/// One actor's figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActorCentrality {
    pub actor: ActorId,
    /// Distinct collaborators in view.
    pub degree: u32,
    /// `degree / (n - 1)`.
    pub degree_norm: f64,
    /// Normalised betweenness in [0, 1] (an estimate when sampled).
    pub betweenness: f64,
    /// Its standard error (0 when exact).
    pub std_error: f64,
}

/// Degree and betweenness of every node of a [`CollabGraph`].
#[derive(Clone, Debug, PartialEq)]
pub struct Centrality {
    pub method: Method,
    /// Per node (the graph's order: increasing `ActorId`).
    pub actors: Vec<ActorCentrality>,
    /// With [`CONFIDENCE`], every node's |estimate − exact| is at most this (Hoeffding); 0 when exact.
    pub bound: f64,
}

/// The nodes with an edge, renumbered in breadth-first order (neighbours get near numbers: fewer cache misses
/// in the searches), as CSR.
struct Compact {
    /// The graph node of each compact node.
    node: Vec<u32>,
    offsets: Vec<u32>,
    adjacency: Vec<u32>,
}

impl Compact {
    fn of(g: &CollabGraph) -> Compact {
        let mut label = vec![u32::MAX; g.len()];
        let mut node: Vec<u32> = Vec::new();
        for root in 0..g.len() as u32 {
            if label[root as usize] != u32::MAX || g.degree(root) == 0 {
                continue;
            }
            let mut head = node.len();
            label[root as usize] = node.len() as u32;
            node.push(root);
            while head < node.len() {
                let v = node[head];
                head += 1;
                for &w in g.neighbours(v) {
                    if label[w as usize] == u32::MAX {
                        label[w as usize] = node.len() as u32;
                        node.push(w);
                    }
                }
            }
        }
        let mut offsets = Vec::with_capacity(node.len() + 1);
        let mut adjacency = Vec::with_capacity(g.edge_count() * 2);
        offsets.push(0);
        for &v in &node {
            adjacency.extend(g.neighbours(v).iter().map(|&w| label[w as usize]));
            offsets.push(adjacency.len() as u32);
        }
        Compact {
            node,
            offsets,
            adjacency,
        }
    }
    fn neighbours(&self, v: u32) -> &[u32] {
        &self.adjacency[self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize]
    }
}

/// Reusable buffers of one breadth-first search and its dependency accumulation.
struct Brandes {
    dist: Vec<i32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

impl Brandes {
    fn new(n: usize) -> Brandes {
        Brandes {
            dist: vec![-1; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    /// Dependencies δ_s(v) of every node on source `s`, left in `delta` for the nodes in `order` (others 0).
    fn run(&mut self, g: &Compact, s: u32) {
        for &v in &self.order {
            self.dist[v as usize] = -1;
            self.sigma[v as usize] = 0.0;
            self.delta[v as usize] = 0.0;
        }
        self.order.clear();
        self.dist[s as usize] = 0;
        self.sigma[s as usize] = 1.0;
        self.order.push(s);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head];
            head += 1;
            let dv = self.dist[v as usize];
            for &w in g.neighbours(v) {
                let w = w as usize;
                if self.dist[w] < 0 {
                    self.dist[w] = dv + 1;
                    self.order.push(w as u32);
                }
                if self.dist[w] == dv + 1 {
                    self.sigma[w] += self.sigma[v as usize];
                }
            }
        }
        // Predecessors are the neighbours one step closer: no lists needed.
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let dw = self.dist[w];
            let coeff = (1.0 + self.delta[w]) / self.sigma[w];
            for &v in g.neighbours(w as u32) {
                let v = v as usize;
                if self.dist[v] == dw - 1 {
                    self.delta[v] += self.sigma[v] * coeff;
                }
            }
        }
        self.delta[s as usize] = 0.0;
    }
}

/// Degree and betweenness of every node of `g` (module doc for the method and its error).
pub fn centrality(g: &CollabGraph, opts: Options) -> Centrality {
    let n = g.len();
    let compact = Compact::of(g);
    let m = compact.node.len();
    // In f64: (n-1)(n-2) overflows a 32-bit usize (wasm) from about 65,000 actors.
    let pairs = if n >= 3 { (n - 1) as f64 * (n - 2) as f64 } else { 1.0 };
    // By compact node until the end.
    let mut sum = vec![0.0f64; m];
    let mut brandes = Brandes::new(m);
    let (method, std_error, bound) = if m <= opts.exact_limit || opts.pivots == 0 || opts.pivots >= m {
        for s in 0..m as u32 {
            brandes.run(&compact, s);
            for &v in &brandes.order {
                sum[v as usize] += brandes.delta[v as usize];
            }
        }
        for x in &mut sum {
            *x /= pairs;
        }
        (Method::Exact, vec![0.0; m], 0.0)
    } else {
        let k = opts.pivots;
        let scale = m as f64 / pairs;
        let mut sq = vec![0.0f64; m];
        let mut rng = SplitMix64::new(opts.seed);
        for _ in 0..k {
            let s = rng.below(m) as u32;
            brandes.run(&compact, s);
            for &v in &brandes.order {
                let x = brandes.delta[v as usize] * scale;
                sum[v as usize] += x;
                sq[v as usize] += x * x;
            }
        }
        let kf = k as f64;
        let se: Vec<f64> = sum
            .iter()
            .zip(&sq)
            .map(|(&s, &q)| {
                let var = ((q - s * s / kf) / (kf - 1.0)).max(0.0);
                (var / kf).sqrt()
            })
            .collect();
        for x in &mut sum {
            *x /= kf;
        }
        let range = m as f64 / (n as f64 - 1.0);
        let bound = range * ((2.0 / (1.0 - CONFIDENCE)).ln() / (2.0 * kf)).sqrt();
        let method = Method::Sampled {
            pivots: k,
            population: m,
            seed: opts.seed,
        };
        (method, se, bound)
    };
    let others = (n.max(2) - 1) as f64;
    let mut actors: Vec<ActorCentrality> = (0..n)
        .map(|v| ActorCentrality {
            actor: g.nodes[v],
            degree: g.degree(v as u32),
            degree_norm: g.degree(v as u32) as f64 / others,
            betweenness: 0.0,
            std_error: 0.0,
        })
        .collect();
    for (c, &v) in compact.node.iter().enumerate() {
        actors[v as usize].betweenness = sum[c];
        actors[v as usize].std_error = std_error[c];
    }
    Centrality { method, actors, bound }
}

impl Centrality {
    /// The figures of actor `a`, when it is a node.
    pub fn of(&self, a: ActorId) -> Option<&ActorCentrality> {
        self.actors
            .binary_search_by_key(&a, |c| c.actor)
            .ok()
            .map(|i| &self.actors[i])
    }

    /// The `n` most central actors that pass `keep`: by betweenness, then degree, then id.
    pub fn top_where(&self, n: usize, keep: impl Fn(ActorId) -> bool) -> Vec<ActorCentrality> {
        let mut out: Vec<ActorCentrality> = self.actors.iter().filter(|c| keep(c.actor)).copied().collect();
        let order = |x: &ActorCentrality, y: &ActorCentrality| {
            y.betweenness
                .total_cmp(&x.betweenness)
                .then(y.degree.cmp(&x.degree))
                .then(x.actor.cmp(&y.actor))
        };
        if out.len() > n && n > 0 {
            out.select_nth_unstable_by(n - 1, order);
            out.truncate(n);
        }
        out.sort_unstable_by(order);
        out.truncate(n);
        out
    }

    /// The `n` most central actors.
    pub fn top(&self, n: usize) -> Vec<ActorCentrality> {
        self.top_where(n, |_| true)
    }
}

#[cfg(test)]
#[path = "centrality_tests.rs"]
mod tests;

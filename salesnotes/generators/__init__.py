"""Books made from nothing: the demo's small book and the benchmarks' big one."""

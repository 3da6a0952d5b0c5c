using Pipeline;

namespace RustWorkspace.Build;

/// <summary>The workspace's packages (the members in Cargo.toml): Test runs once per crate.</summary>
public static class Crates
{
    public static readonly MatrixAxis Axis = MatrixAxis.Of("crate", "ticket-core", "ticket-api", "ticket-worker");
}

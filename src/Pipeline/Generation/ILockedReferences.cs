namespace Pipeline.Generation;

/// <summary>
/// A generator whose files reference things by a lock it keeps in the repository (actions by commit,
/// images by digest): <c>./build.sh --update-actions [reference…]</c> refreshes that lock from the
/// network, adding the references named.
/// </summary>
public interface ILockedReferences
{
    /// <summary>Refreshes the lock under <paramref name="root"/>; returns the lines to print (what changed).</summary>
    Task<IReadOnlyList<string>> UpdateLockAsync(
        AbsolutePath root, IReadOnlyList<string> references, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken);
}

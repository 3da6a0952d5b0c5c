using Pipeline.Output;

namespace Pipeline.Delivery;

/// <summary>
/// A user name and password for a registry. The password reaches <c>docker login</c> only on its
/// standard input and the registry API only in an Authorization header; <see cref="ToString"/> hides it.
/// </summary>
public sealed class RegistryCredentials(string username, string password)
{
    public string Username { get; } = !string.IsNullOrEmpty(username) ? username : throw new ArgumentException("A registry user name is empty.", nameof(username));

    public string Password { get; } = !string.IsNullOrEmpty(password) ? password : throw new ArgumentException($"The registry password for {username} is empty.", nameof(password));

    /// <summary>Removes the password from text that came back from a tool or a server.</summary>
    public string Scrub(string text) => text.Replace(Password, SecretMasker.Replacement, StringComparison.Ordinal);

    public override string ToString() => $"{Username}:{SecretMasker.Replacement}";
}

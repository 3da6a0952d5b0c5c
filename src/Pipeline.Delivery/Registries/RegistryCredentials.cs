
namespace Pipeline.Delivery;

/// <summary>
/// A user name and password for a registry. The password reaches <c>docker login</c> only on its
/// standard input (as that command's secret, which the engine masks in whatever it prints) and the
/// registry API only in an Authorization header; <see cref="ToString"/> hides it.
/// </summary>
public sealed class RegistryCredentials(string username, string password)
{
    public string Username { get; } = !string.IsNullOrEmpty(username) ? username : throw new ArgumentException("A registry user name is empty.", nameof(username));

    public string Password { get; } = !string.IsNullOrEmpty(password) ? password : throw new ArgumentException($"The registry password for {username} is empty.", nameof(password));

    public override string ToString() => $"{Username}:***"; // the masker's replacement: the password never reaches a string
}

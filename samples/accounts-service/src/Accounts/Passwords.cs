using System.Security.Cryptography;

namespace Accounts;

/// <summary>Salted PBKDF2 password hashes, stored as <c>salt.hash</c> in base64.</summary>
public static class Passwords
{
    private const int Iterations = 50_000;

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String(salt) + "." + Convert.ToBase64String(Derive(password, salt));
    }

    public static bool Matches(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('.', 2);
        if (parts.Length != 2)
        {
            return false;
        }

        // Constant time: how much of a hash matched must not show in how long the answer took.
        return CryptographicOperations.FixedTimeEquals(Derive(password, Convert.FromBase64String(parts[0])), Convert.FromBase64String(parts[1]));
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
}

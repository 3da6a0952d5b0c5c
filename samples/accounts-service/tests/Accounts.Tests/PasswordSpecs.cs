using Accounts;

namespace Accounts.Tests;

public sealed class PasswordSpecs
{
    [Fact]
    public void A_hash_matches_its_password_and_no_other()
    {
        var stored = Passwords.Hash("correct horse");

        Assert.True(Passwords.Matches("correct horse", stored));
        Assert.False(Passwords.Matches("correct horse!", stored));
        Assert.DoesNotContain("correct horse", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        Assert.NotEqual(Passwords.Hash("same password"), Passwords.Hash("same password"));
    }
}

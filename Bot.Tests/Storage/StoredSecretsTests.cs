using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using ChatPay.Tests.Support;
using LiteDB;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatPay.Tests.Storage;

/// <summary>A copy of the database alone reveals no token: what ChatPay keeps of its secrets there is encrypted.</summary>
[Trait("Tier", "Integration")]
public class StoredSecretsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string RawSetting(LiteDbStore store, string key) => store.Collection<BsonDocument>("settings").FindById(key)["Value"].AsString;

    [Fact]
    public void A_generated_secret_is_stored_encrypted_with_the_key_ring_and_read_back_after_a_restart()
    {
        string secret;
        using (var app = new ChatPayApp(_directory.File("chatpay.db"), ChatPayApp.OnLiteDb))
        {
            secret = app.Service<VnPayMerchant>().HashSecret;
            Assert.DoesNotContain(secret, RawSetting(app.Service<LiteDbStore>(), "sandbox.hashSecret"));
            Assert.True(Directory.EnumerateFiles(_directory.File("keys")).Any());
        }

        using var restarted = new ChatPayApp(_directory.File("chatpay.db"), ChatPayApp.OnLiteDb);
        Assert.Equal(secret, restarted.Service<VnPayMerchant>().HashSecret);
    }

    [Fact]
    public void With_a_configured_key_secrets_are_sealed_with_it_and_another_key_cannot_read_them()
    {
        var ring = DataProtectionProvider.Create(new DirectoryInfo(_directory.File("ring")));
        SecretProtector With(string? key, string? password = null) =>
            new(Options.Create(new StorageOptions { SecretsKey = key, Password = password }), ring);

        var sealedValue = With("a-configured-key-of-32-characters!").Protect("refresh-token-123");

        Assert.DoesNotContain("refresh-token-123", sealedValue);
        Assert.Equal("refresh-token-123", With("a-configured-key-of-32-characters!").Unprotect(sealedValue));
        Assert.Null(With("another-key-of-32-characters-long!").Unprotect(sealedValue));
        Assert.Equal("plain-from-an-earlier-version", With("a-configured-key-of-32-characters!").Unprotect("plain-from-an-earlier-version"));
        // An encrypted database needs no second layer.
        Assert.Equal("refresh-token-123", With(null, password: "db-password").Protect("refresh-token-123"));
    }

    [Fact]
    public void A_secret_that_cannot_be_decrypted_any_more_is_made_anew_rather_than_used_garbled()
    {
        string first;
        using (var app = new ChatPayApp(_directory.File("chatpay.db"), ChatPayApp.OnLiteDb))
            first = app.Service<VnPayMerchant>().HashSecret;
        Directory.Delete(_directory.File("keys"), recursive: true);

        using var restarted = new ChatPayApp(_directory.File("chatpay.db"), ChatPayApp.OnLiteDb);

        Assert.NotEqual(first, restarted.Service<VnPayMerchant>().HashSecret);
        Assert.Contains(restarted.Logs.GetSnapshot(), r => r.Message.Contains("sandbox.hashSecret"));
    }

    [Fact]
    public async Task Zalos_oauth_pair_is_stored_encrypted()
    {
        await using var harness = await ZaloHarness.StartAsync(("Storage:Provider", "LiteDb"));
        (await harness.Driver.FollowAsync("4200000001")).EnsureSuccessStatusCode();
        await harness.WaitAsync("4200000001", Said.Welcome);

        var stored = harness.App.Service<LiteDbStore>().Collection<BsonDocument>("zalo_tokens").FindById("oa");
        Assert.StartsWith("dp1:", stored["RefreshToken"].AsString);
        Assert.StartsWith("dp1:", stored["AccessToken"].AsString);
    }
}

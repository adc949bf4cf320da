using System.Text.Json;
using ChatPay.Bot.Payments.VnPay;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>
/// Delivers the sandbox's IPN the way VNPay does: a GET with the signed result, repeated while the merchant
/// answers anything but RspCode 00 or 02 (or does not answer), up to the configured number of calls.
/// </summary>
public sealed class SandboxIpnSender(HttpClient http, SandboxBank bank, SandboxIpnTarget target, TimeProvider clock, ILogger<SandboxIpnSender> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Makes one IPN call for the transaction if it is still unacknowledged; returns whether it now is.</summary>
    public async Task<bool> DeliverAsync(SandboxTransaction transaction, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = bank.Find(transaction.Id) ?? transaction;
            if (current.IpnAcknowledged) return true;
            if (current.IpnSuppressed || current.Unfinished) return false;

            current.IpnAttempts++;
            current.IpnAcknowledged = await CallAsync(current, cancellationToken);
            current.NextIpnAt = current.IpnAcknowledged ? null : clock.GetUtcNow() + target.RetryInterval;
            bank.Save(current);
            return current.IpnAcknowledged;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Calls the IPN once more although it was acknowledged, as a gateway sometimes does.</summary>
    public async Task RepeatAsync(SandboxTransaction transaction, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = bank.Find(transaction.Id) ?? transaction;
            current.IpnAttempts++;
            await CallAsync(current, cancellationToken);
            bank.Save(current);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> CallAsync(SandboxTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"{target.Url}?{bank.ResultQuery(transaction)}", cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = JsonDocument.Parse(body).RootElement.GetProperty("RspCode").GetString();
            if (code is "00" or "02") return true;
            logger.LogWarning("Sandbox IPN for {TxnRef} answered RspCode {RspCode}; VNPay would retry", transaction.Id, code);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogWarning(e, "Sandbox IPN for {TxnRef} got no valid answer; VNPay would retry", transaction.Id);
            return false;
        }
    }
}

/// <summary>Where the sandbox sends IPNs, how often it retries, and how it misbehaves on purpose.</summary>
public sealed record SandboxIpnTarget(string Url, TimeSpan RetryInterval, int MaxAttempts, SandboxIpnMode Mode, TimeSpan Delay);

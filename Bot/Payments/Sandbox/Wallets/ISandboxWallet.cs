namespace ChatPay.Bot.Payments.Sandbox.Wallets;

/// <summary>A wallet the embedded sandbox plays (MoMo, ZaloPay): its page's choices, and its protocol's side of a finished order.</summary>
public interface ISandboxWallet
{
    /// <summary>The gateway's name, also the path segment of its sandbox (/sandbox/momo).</summary>
    string Name { get; }

    /// <summary>What the page calls it ("Ví MoMo").</summary>
    string Label { get; }

    /// <summary>The person's possible answers: the wallet's own result code, and what the button says.</summary>
    IReadOnlyList<(string Code, string Label)> Choices { get; }

    /// <summary>ChatPay's attempt an order of this wallet pays (its orderId, or what follows ZaloPay's date prefix).</summary>
    string PaymentIdOf(string orderId);

    /// <summary>Whether a code means money taken.</summary>
    bool IsPaid(string code);

    /// <summary>Calls the merchant back about a finished order as the wallet does; true once the merchant acknowledged it (or none is due).</summary>
    Task<bool> CallBackAsync(SandboxWalletOrder order, CancellationToken cancellationToken);

    /// <summary>Where the browser goes once the person has finished: the merchant's redirect URL with the wallet's signed result.</summary>
    string ReturnUrl(SandboxWalletOrder order);
}

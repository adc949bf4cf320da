namespace ChatPay.Fakes.Zalo;

/// <summary>What the OA knows of one user; <see cref="FollowerBook"/> guards it with its lock.</summary>
internal sealed class Follower
{
    public bool Following { get; set; }

    /// <summary>The user's last message or follow, on the fake's clock; null when the user never interacted.</summary>
    public DateTimeOffset? LastInteraction { get; set; }

    /// <summary>Set by a test to refuse sends with -230 until the user interacts again.</summary>
    public bool PutOutside { get; set; }

    public List<ZaloSent> Sent { get; } = [];

    public void Interact(DateTimeOffset now)
    {
        LastInteraction = now;
        PutOutside = false;
    }
}

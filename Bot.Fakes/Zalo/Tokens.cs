namespace ChatPay.Fakes.Zalo;

/// <summary>
/// The OA's one live access token and one live refresh token. A refresh replaces both, so the old ones stop working at
/// once; concurrent refreshes with the same refresh token see one success and one refusal, as with Zalo's single-use
/// tokens.
/// </summary>
internal sealed class Tokens(FakeZaloOptions options)
{
    /// <summary>Zalo's access token lifetime, also what a refresh answers as expires_in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90_000);

    private readonly Lock _gate = new();
    private string _access = options.InitialAccessToken;
    private string _refresh = options.InitialRefreshToken;
    private DateTimeOffset _issuedAt = options.Clock.GetUtcNow();
    private bool _expired;
    private int _refreshes;

    public string Access
    {
        get
        {
            lock (_gate) return _access;
        }
    }

    public string Refresh
    {
        get
        {
            lock (_gate) return _refresh;
        }
    }

    public int Refreshes
    {
        get
        {
            lock (_gate) return _refreshes;
        }
    }

    /// <summary>The current access token stops working, as when its 25 hours have passed; a refresh still works.</summary>
    public void Expire()
    {
        lock (_gate) _expired = true;
    }

    /// <summary>Throws -216 unless <paramref name="token"/> is the current access token and still within its lifetime.</summary>
    public void CheckAccess(string? token)
    {
        lock (_gate)
        {
            var live = !_expired && options.Clock.GetUtcNow() - _issuedAt < Lifetime;
            if (string.IsNullOrEmpty(token) || token != _access || !live) throw ZaloError.TokenInvalid();
        }
    }

    /// <summary>Spends <paramref name="refreshToken"/> for a new pair, or throws -14014 when it is not the live one.</summary>
    public (string Access, string Refresh) Rotate(string refreshToken)
    {
        lock (_gate)
        {
            if (refreshToken != _refresh) throw ZaloError.WrongRefreshToken();
            _refreshes++;
            _access = $"access-{_refreshes}";
            _refresh = $"refresh-{_refreshes}";
            _issuedAt = options.Clock.GetUtcNow();
            _expired = false;
            return (_access, _refresh);
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace ChatPay.Tests.Support;

/// <summary>A person following a payment link through the sandbox bank's pages, hop by hop.</summary>
public static partial class SandboxPayer
{
    /// <summary>Follows the link to the bank page, makes the choice, and returns the return page the browser lands on.</summary>
    public static async Task<string> PayAsync(HttpClient http, string paymentLink, string choice = "Pay") =>
        await PayOnBankPageAsync(http, await FollowLinkAsync(http, paymentLink), choice);

    /// <summary>Pays on a bank page reached before (a person who opened the link, then came back to pay later).</summary>
    public static async Task<string> PayOnBankPageAsync(HttpClient http, Uri bankPageUrl, string choice = "Pay")
    {
        var bankPage = await http.GetStringAsync(bankPageUrl);
        var query = WebUtility.HtmlDecode(HiddenQuery().Match(bankPage).Groups[1].Value);

        using var complete = await http.PostAsync("/sandbox/vnpay/paymentv2/complete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = query, ["choice"] = choice }));
        if (complete.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"The sandbox answered {complete.StatusCode}.");
        return await http.GetStringAsync(complete.Headers.Location);
    }

    /// <summary>Follows ChatPay's short payment link and returns the signed gateway URL it redirects to.</summary>
    public static async Task<Uri> FollowLinkAsync(HttpClient http, string paymentLink)
    {
        using var redirect = await http.GetAsync(paymentLink);
        if (redirect.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"The payment link answered {redirect.StatusCode}.");
        return redirect.Headers.Location!;
    }

    [GeneratedRegex("name=\"query\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenQuery();
}

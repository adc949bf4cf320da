using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Payments;

namespace ChatPay.Tests.Payments;

/// <summary>VNPay's two codes read as the domain's outcome: only a final verdict settles; anything undocumented keeps the attempt asked about.</summary>
[Trait("Tier", "Unit")]
public class VnPayCodesTests
{
    [Theory]
    [InlineData("00", "00", GatewayOutcome.Succeeded)]
    [InlineData("51", "02", GatewayOutcome.Failed)]
    [InlineData("24", "02", GatewayOutcome.Failed)]
    [InlineData("07", "02", GatewayOutcome.Held)]
    [InlineData("00", "07", GatewayOutcome.Held)]
    [InlineData("00", "04", GatewayOutcome.Reversed)]
    [InlineData("", "01", GatewayOutcome.Pending)]
    [InlineData("99", "05", GatewayOutcome.Unknown)]
    [InlineData("99", "09", GatewayOutcome.Unknown)]
    [InlineData("00", "", GatewayOutcome.Unknown)]
    public void Each_pair_of_codes_reads_as_one_outcome(string responseCode, string transactionStatus, GatewayOutcome outcome)
    {
        Assert.Equal(outcome, VnPayCodes.Outcome(responseCode, transactionStatus));
        var report = VnPayCodes.Report(new Dictionary<string, string> { ["vnp_TransactionNo"] = "14000001" }, "H42.10-261125-0001_1", 1, responseCode, transactionStatus);
        Assert.Equal($"{responseCode}/{transactionStatus}", report.Code);
        Assert.Equal(outcome == GatewayOutcome.Succeeded ? null : VnPayCodes.Explain(responseCode, transactionStatus), report.Reason);
    }
}

using System.Text;
using ChatPay.Domain.Conversations;

namespace ChatPay.Tests.Domain;

[Trait("Tier", "Unit")]
public class ButtonPayloadTests
{
    [Theory]
    [InlineData(ButtonAction.ConfirmFees, 3, null, "ok:3")]
    [InlineData(ButtonAction.ChooseBank, 12, "VIETCOMBANK", "b:12:VIETCOMBANK")]
    [InlineData(ButtonAction.ChangeBank, 7, null, "cb:7")]
    [InlineData(ButtonAction.Cancel, 0, null, "x:0")]
    public void Formats_and_parses_back(ButtonAction action, int step, string? argument, string text)
    {
        var payload = new ButtonPayload(action, step, argument);

        Assert.Equal(text, payload.Format());
        Assert.True(ButtonPayload.TryParse(text, out var parsed));
        Assert.Equal(payload, parsed);
    }

    [Fact]
    public void The_longest_payload_fits_telegrams_64_bytes()
    {
        var payload = new ButtonPayload(ButtonAction.ChooseBank, int.MaxValue, new string('A', ButtonPayload.MaxArgumentLength));

        Assert.True(Encoding.UTF8.GetByteCount(payload.Format()) <= 64);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("ok:")]
    [InlineData("ok:-1")]
    [InlineData("ok:1:extra")]
    [InlineData("b:1")]
    [InlineData("b:1:")]
    [InlineData("b:1:VCB:x")]
    [InlineData("b:1:V C B")]
    [InlineData("b:1:NGÂNHÀNG")]
    [InlineData("pay:1")]
    [InlineData("ok:99999999999")]
    [InlineData("<script>alert(1)</script>")]
    public void Refuses_anything_it_did_not_make(string? raw) =>
        Assert.False(ButtonPayload.TryParse(raw, out _));
}

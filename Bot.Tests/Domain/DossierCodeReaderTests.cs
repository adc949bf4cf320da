using ChatPay.Domain.Dossiers;

namespace ChatPay.Tests.Domain;

[Trait("Tier", "Unit")]
public class DossierCodeReaderTests
{
    [Theory]
    [InlineData("H42.10-261125-0001", "H42.10-261125-0001")]
    [InlineData("h42.10-261125-0001", "H42.10-261125-0001")]
    [InlineData("  H42.10 - 261125 - 0001  ", "H42.10-261125-0001")]
    [InlineData("H42.10 261125 0001", "H42.10-261125-0001")]
    [InlineData("H42 . 10-261125-0001", "H42.10-261125-0001")]
    [InlineData("Ｈ４２．１０－２６１１２５－０００１", "H42.10-261125-0001")] // full-width, as some phone keyboards type
    [InlineData("H42.10–261125—0001", "H42.10-261125-0001")] // en and em dashes from autocorrect
    [InlineData("Н42.10-261125-0001", "H42.10-261125-0001")] // Cyrillic Н
    [InlineData("H42.10-26112O-OOO1", "H42.10-261120-0001")] // letter O for zero in the digit groups
    [InlineData("H42.10/261125/0001", "H42.10-261125-0001")]
    [InlineData("H42,10-261125-0001", "H42.10-261125-0001")]
    [InlineData("Mã hồ sơ của tôi là H42.10-261125-0001, nhờ anh kiểm tra giúp.", "H42.10-261125-0001")]
    [InlineData("hs: h42.10-261125-0001.", "H42.10-261125-0001")]
    [InlineData("000.00.15.H42-231215-0002", "000.00.15.H42-231215-0002")] // national portal style
    [InlineData("G22.28-240105-0003", "G22.28-240105-0003")]
    [InlineData("H42.10-261125-0001\u200B", "H42.10-261125-0001")]
    public void Reads_the_canonical_code_from_what_people_type(string typed, string expected)
    {
        var reading = DossierCodeReader.Read(typed);

        var found = Assert.IsType<DossierCodeReading.Found>(reading);
        Assert.Equal(expected, found.Code.Value);
    }

    [Theory]
    [InlineData("H42.10-261325-0001")] // month 13
    [InlineData("H42.10-261125-001")] // serial too short
    [InlineData("H42.10-2611250001")]
    [InlineData("261125-0001")] // no agency prefix
    [InlineData("H42.10-261125")]
    [InlineData("0912345678")]
    [InlineData("H42.10-261125-00011")]
    public void Tells_a_malformed_code_apart(string typed) =>
        Assert.IsType<DossierCodeReading.Malformed>(DossierCodeReader.Read(typed));

    [Theory]
    [InlineData("")]
    [InlineData("xin chào")]
    [InlineData("Tôi muốn nộp lệ phí")]
    [InlineData("😀🙏")]
    [InlineData("ok")]
    [InlineData("'; DROP TABLE dossiers; --")]
    public void Says_there_is_no_code_in_ordinary_text(string typed) =>
        Assert.IsType<DossierCodeReading.NoCode>(DossierCodeReader.Read(typed));

    [Fact]
    public void A_long_text_is_read_in_linear_time_without_error()
    {
        var text = string.Concat(Enumerable.Repeat("H42.10-2611 ", 10_000));

        Assert.IsNotType<DossierCodeReading.Found>(DossierCodeReader.Read(text));
    }

    [Fact]
    public void Only_canonical_text_creates_a_code_directly()
    {
        Assert.True(DossierCode.TryCreate("H42.10-261125-0001", out var code));
        Assert.Equal("H42.10-261125-0001", code.Value);
        Assert.False(DossierCode.TryCreate("h42.10-261125-0001", out _));
        Assert.False(DossierCode.TryCreate(null, out _));
    }
}

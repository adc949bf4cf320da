using ChatPay.Domain.Vietnamese;

namespace ChatPay.Tests.Domain;

[Trait("Tier", "Unit")]
public class VietnameseFormattingTests
{
    [Theory]
    [InlineData(0, "0 ₫")]
    [InlineData(500, "500 ₫")]
    [InlineData(50_000, "50.000 ₫")]
    [InlineData(1_250_000, "1.250.000 ₫")]
    [InlineData(2_000_000_000, "2.000.000.000 ₫")]
    public void Amounts_use_dots_between_thousands_and_the_dong_sign(long amount, string expected) =>
        Assert.Equal(expected, Vnd.Format(amount));

    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(5, "Năm đồng")]
    [InlineData(10, "Mười đồng")]
    [InlineData(15, "Mười lăm đồng")]
    [InlineData(21, "Hai mươi mốt đồng")]
    [InlineData(24, "Hai mươi tư đồng")]
    [InlineData(105, "Một trăm linh năm đồng")]
    [InlineData(50_000, "Năm mươi nghìn đồng")]
    [InlineData(58_000, "Năm mươi tám nghìn đồng")]
    [InlineData(600_000, "Sáu trăm nghìn đồng")]
    [InlineData(1_005_000, "Một triệu không trăm linh năm nghìn đồng")]
    [InlineData(1_250_000, "Một triệu hai trăm năm mươi nghìn đồng")]
    [InlineData(2_000_000_015, "Hai tỷ không trăm mười lăm đồng")]
    public void Amounts_are_spelled_as_receipts_write_them(long amount, string expected) =>
        Assert.Equal(expected, AmountInWords.Spell(amount));

    [Fact]
    public void Times_are_shown_in_vietnam_time()
    {
        var instant = new DateTimeOffset(2026, 11, 26, 20, 5, 0, TimeSpan.Zero);

        Assert.Equal("03:05 27/11/2026", VietnamTime.Format(instant));
    }
}

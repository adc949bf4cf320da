using ChatPay.Domain.Dossiers;

namespace ChatPay.Tests.Domain;

[Trait("Tier", "Unit")]
public class PersonalDataTests
{
    [Theory]
    [InlineData("Nguyễn Văn An", "Nguyễn V** A*")]
    [InlineData("Trần Thị Bích Ngọc", "Trần T** B*** N***")]
    [InlineData("  Lê   Minh  ", "Lê M***")]
    [InlineData("Madonna", "M******")]
    [InlineData("", "")]
    public void Names_keep_the_family_name_and_initials(string name, string masked) =>
        Assert.Equal(masked, PersonalData.MaskName(name));

    [Fact]
    public void Phones_show_only_the_last_three_digits() =>
        Assert.Equal("*******678", PersonalData.MaskPhone("0912345678"));
}

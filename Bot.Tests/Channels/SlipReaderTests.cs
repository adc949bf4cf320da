using ChatPay.Bot.Channels.Photos;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static ChatPay.Tests.Support.SlipPhotos;

namespace ChatPay.Tests.Channels;

/// <summary>The code on a photo of the appointment slip is read as a phone would take it; anything else reads as nothing.</summary>
[Trait("Tier", "Unit")]
public class SlipReaderTests
{
    private const string Code = "H42.10-261125-0001";
    private readonly SlipReader _reader = new(NullLogger<SlipReader>.Instance);

    public static TheoryData<Symbol, Shot> Photos => new()
    {
        { Symbol.Qr, new Shot() },
        { Symbol.Qr, new Shot(Degrees: 90) },
        { Symbol.Qr, new Shot(Degrees: 17, Blur: 1.5f, JpegQuality: 70) },
        { Symbol.Qr, new Shot(Degrees: -8, Tilt: 0.25f, Blur: 1) },
        { Symbol.Code128, new Shot() },
        { Symbol.Code128, new Shot(Degrees: 180, JpegQuality: 75) },
        { Symbol.Code128, new Shot(Degrees: 90, Blur: 1) },
        { Symbol.Code128, new Shot(Degrees: 4, Tilt: 0.15f) },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public async Task The_dossier_code_is_read_from_a_photo_of_the_slip(Symbol symbol, Shot shot)
    {
        var photo = await _reader.ReadAsync(Of(Code, symbol, shot), CancellationToken.None);

        Assert.Equal(Code, photo.DecodedText);
    }

    [Fact]
    public async Task A_photo_without_a_code_or_bytes_that_are_no_image_read_as_nothing()
    {
        Assert.Equal(new PhotoInput(null), await _reader.ReadAsync(WithoutCode(), CancellationToken.None));
        Assert.Null((await _reader.ReadAsync([.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 37))], CancellationToken.None)).DecodedText);
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_not_read()
    {
        var photo = await _reader.ReadAsync(new byte[SlipReader.MaxBytes + 1], CancellationToken.None);

        Assert.Equal(PhotoProblem.TooLarge, photo.Problem);
    }
}

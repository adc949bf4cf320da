using System.Text.Json;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Storage;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Channels;

/// <summary>A channel added through the port alone (no edit anywhere else) carries the whole journey.</summary>
[Trait("Tier", "Integration")]
public class AddedChannelTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private static readonly ChatAddress Citizen = new(PagerChannel.Name, "citizen");
    private static readonly ChatAddress Officer = new(PagerChannel.Name, "officer");
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_channel_registered_with_AddChannel_carries_a_whole_journey_within_its_own_limits()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"), services: services => services.AddChannel<PagerChannel>());
        var pager = app.Service<PagerChannel>();
        var desk = app.Service<ChatDesk>();
        var officerCode = app.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;

        desk.Handle(Officer, new TextInput($"/dangky {officerCode}"));
        await ReceivedAsync(pager, Officer, m => m.Text.Contains(Said.Enrolled));
        desk.Handle(Citizen, new TextInput(Code));
        await ReceivedAsync(pager, Citizen, m => m.Text.Contains(Said.Total(200_000)));
        desk.Handle(Citizen, new PressInput(Choice(await ReceivedAsync(pager, Citizen, m => Has(m, "Xác nhận")), "Xác nhận"), null));
        // The bank list has more buttons than a message of this app shows: the rest come on following messages.
        desk.Handle(Citizen, new PressInput(Choice(await ReceivedAsync(pager, Citizen, m => Has(m, "Vietcombank")), "Vietcombank"), null));
        var link = await ReceivedAsync(pager, Citizen, m => m.Links.Any(l => l.Label.StartsWith("Thanh toán", StringComparison.Ordinal)));

        await SandboxPayer.PayAsync(app.Http, link.Links.Single().Url);

        await ReceivedAsync(pager, Citizen, m => m.Text.Contains(Said.Paid));
        await ReceivedAsync(pager, Officer, m => m.Text.Contains(Said.Alert(Code)));
        var outbox = app.Service<IOutboxStore>();
        await Eventually.HoldsAsync(() => new ChatOutbox(outbox).Waiting(PagerChannel.Name) == 0);
        Assert.Single(pager.Messages(Citizen.Id), m => m.Text.Contains(Said.Paid));
        Assert.Single(pager.Messages(Officer.Id), m => m.Text.Contains(Said.Alert(Code)));
        Assert.True(pager.Messages(Citizen.Id).Count(m => m.Choices.Count > 0 && m.Text == MessageParts.MoreChoices) >= 1);
        Assert.DoesNotContain(outbox.History(Citizen.Key, 0, 1000), e => e.Delivery == Delivery.Failed);
        using var health = JsonDocument.Parse(await app.Http.GetStringAsync("/health"));
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal(0, checks.GetProperty("outbox").GetProperty("data").GetProperty("pagerBacklog").GetInt32());
        Assert.Equal("Healthy", checks.GetProperty("pager").GetProperty("status").GetString());
    }

    private static bool Has(PagerChannel.Received message, string label) => message.Choices.Any(c => c.Label == label);

    private static string Choice(PagerChannel.Received message, string label) => message.Choices.Single(c => c.Label == label).Payload;

    private static async Task<PagerChannel.Received> ReceivedAsync(PagerChannel pager, ChatAddress chat, Func<PagerChannel.Received, bool> match)
    {
        await Eventually.HoldsAsync(() => pager.Messages(chat.Id).Any(match));
        return pager.Messages(chat.Id).Last(match);
    }
}

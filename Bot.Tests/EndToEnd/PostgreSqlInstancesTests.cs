using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Domain;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// ChatPay on PostgreSQL (<c>Storage:Provider=PostgreSql</c>), as one instance and as two on one database: any instance
/// takes any request, one leads the background work, and the other takes over when it stops. Skipped without a server
/// (<see cref="TestPostgres"/>); .ci/run starts one.
/// </summary>
[Trait("Tier", "System")]
public sealed class PostgreSqlInstancesTests : IDisposable
{
    private const string Code = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Instance(TestPostgres database, string name) =>
        new(_directory.File($"{name}.db"), new Dictionary<string, string?>(database.Settings) { ["Storage:KeyRingPath"] = _directory.File($"{name}-keys") });

    [SkippableFact]
    public async Task A_citizen_paying_through_two_instances_gets_one_receipt_and_the_officer_one_alert_and_the_second_leads_once_the_first_stops()
    {
        using var database = new TestPostgres();
        var first = Instance(database, "first");
        using var second = Instance(database, "second");
        try
        {
            Assert.True(first.Service<ILeadership>().IsLeader);
            Assert.False(second.Service<ILeadership>().IsLeader);

            var agency = first.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.27");
            var officer = await WebChatUser.OpenAsync(second.Http);
            (await officer.SayAsync($"/dangky {agency.EnrollmentCode}")).EnsureSuccessStatusCode();
            await officer.WaitForTextAsync(Said.Enrolled);

            // The citizen's requests alternate between the instances; each one's long poll hears the other's steps.
            var onFirst = await WebChatUser.OpenAsync(first.Http);
            var onSecond = WebChatUser.Resume(second.Http, onFirst.Token);
            await onFirst.SayAsync(Code);
            await onSecond.WaitForTextAsync(Said.Total(600_000));
            await onSecond.PressAsync("Xác nhận");
            await onFirst.WaitForTextAsync(Said.ChooseBank);
            await onFirst.PressAsync("Vietcombank");
            var link = (await onSecond.WaitForAsync(m => m.Links.Count > 0)).Links.Single();

            Assert.Contains(ReturnPages.PaidHeading, await SandboxPayer.PayAsync(second.Http, link.Url));
            await onFirst.WaitForTextAsync(Said.Paid);
            await officer.WaitForTextAsync(Said.Alert(Code));

            var store = second.Service<IChatPayStore>();
            Assert.Equal(DossierStatus.Paid, store.Read(s => s.Dossiers.Find(Code))!.Status);
            Assert.Single(store.Read(s => s.Payments.OfDossier(Code)), p => p.State == PaymentState.Succeeded);
            Assert.Equal(1L, database.Scalar<long>($"SELECT count(*) FROM receipts WHERE dossier_code = '{Code}'"));
            Assert.Single(onSecond.Seen.Concat(onFirst.Seen).Where(m => m.Text.Contains(Said.Paid)).DistinctBy(m => m.Id));
            Assert.Single(officer.Seen, m => m.Text.Contains(Said.Alert(Code)));
        }
        finally
        {
            first.Dispose();
        }

        await Eventually.HoldsAsync(() => second.Service<ILeadership>().IsLeader, TimeSpan.FromSeconds(10));
        var later = await WebChatUser.OpenAsync(second.Http);
        await later.SayAsync("H42.10-261125-0001");
        await later.WaitForTextAsync(Said.Total(200_000));
    }

    [SkippableFact]
    public void Two_instances_starting_on_an_empty_database_at_once_create_its_schema_once()
    {
        using var database = new TestPostgres();
        var stores = new PgStore[2];
        Parallel.For(0, 2, i => stores[i] = new PgStore(database.ConnectionString));
        try
        {
            Assert.Equal(1L, database.Scalar<long>("SELECT count(*) FROM schema_version"));
            stores[0].Write(s => { s.Inbox.FirstTime("u-1", DateTimeOffset.UtcNow); return true; });
            Assert.True(stores[1].Read(s => s.Inbox.Recorded("u-1")));
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }

    [SkippableFact]
    public async Task A_leader_that_loses_its_database_connection_exits_as_failed_for_the_service_manager_to_restart_it()
    {
        using var database = new TestPostgres();
        using var bot = await BotProcess.StartServingAsync(_directory.File("unused.db"), [.. database.Settings.Select(s => $"--{s.Key}={s.Value}")]);
        Assert.True(await BotInstances.LeadsAsync(bot));

        // As a network cut or a server restart would: every session of the Bot ends, the leader's lock with it.
        database.Scalar<bool>("SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");

        Assert.Equal(1, await bot.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("lost its connection to PostgreSQL while leading", bot.Output);
    }
}

namespace ChatPay.Bench;

/// <summary>Sizes of each run, from the command line: --journeys 2000 --paced-seconds 10 --alerts 1000 --alert-chats 100 --rush 300 --cpu-journeys 1000 --recovery-chats 100 --stored 100000 --model-journeys 3000 --out bench.json --only cpu,recovery --cpu-limits off --store Sqlite.</summary>
public sealed record BenchOptions(int Journeys, int PacedSeconds, int PacedRate, int Alerts, int AlertChats, int Rush, int CpuJourneys, int RecoveryChats, int Stored, int ModelJourneys, string Output, string Only, string CpuLimits, string Store)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        int Int(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text) : fallback;
        var options = new BenchOptions(Int("journeys", 2000), Int("paced-seconds", 10), Int("paced-rate", 100), Int("alerts", 1000), Int("alert-chats", 100),
            Int("rush", 300), Int("cpu-journeys", 1000), Int("recovery-chats", 100), Int("stored", 100_000), Int("model-journeys", 3000), values.GetValueOrDefault("out", "bench-results.json"),
            values.GetValueOrDefault("only", "all"), values.GetValueOrDefault("cpu-limits", "both"), values.GetValueOrDefault("store", "Sqlite"));
        if (options.Journeys is < 1 or > 100_000) throw new ArgumentException("--journeys must be 1 to 100000");
        if (options.ModelJourneys < 1) throw new ArgumentException("--model-journeys must be at least 1");
        if (options.Alerts % options.AlertChats != 0) throw new ArgumentException("--alerts must be a multiple of --alert-chats");
        if (options.CpuLimits is not ("off" or "on" or "both")) throw new ArgumentException("--cpu-limits must be off, on or both");
        if (options.Store is not ("LiteDb" or "Sqlite")) throw new ArgumentException("--store must be LiteDb or Sqlite");
        return options;
    }

    /// <summary>Sections to run (--only cpu,recovery): echo, journeys, cpu, storage, store-model, burst, rush, recovery, cold; all by default.</summary>
    public bool Runs(string section) => Only == "all" || Only.Split(',').Contains(section);

    /// <summary>Whether the CPU run measures with Telegram's limits off, on, or both (--cpu-limits off|on|both).</summary>
    public IEnumerable<bool> CpuLimitSettings() => CpuLimits switch { "off" => [false], "on" => [true], _ => [false, true] };
}

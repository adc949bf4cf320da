using System.Diagnostics;

namespace ChatPay.Bench.StoreModel;

/// <summary>
/// The journey's storage work alone (<see cref="ModelJourney"/>), on LiteDB as ChatPay uses it and on SQLite, in this
/// process and in turns (LiteDB, SQLite, three times each), so that both meet the same machine: the CPU a journey costs
/// each store, with a commit per step and with one commit a journey. A model, not ChatPay: it tells what the choice of
/// embedded store weighs in the Bot's CPU per journey, which the whole Bot cannot (it has one store).
/// </summary>
public static class StoreModelRun
{
    public sealed record Result(string Store, bool OneCommit, int Journeys, double CommitsPerJourney, double[] CpuUsPerJourney, double MedianCpuUsPerJourney);

    private const int WarmUp = 300;
    private const int Rounds = 3;

    public static IReadOnlyList<Result> Run(int journeys, DirectoryInfo work)
    {
        var results = new List<Result>();
        foreach (var oneCommit in new[] { false, true })
        {
            var runs = new Dictionary<string, List<(double Us, double Commits)>> { ["LiteDB"] = [], ["SQLite"] = [] };
            for (var round = 0; round < Rounds; round++)
                foreach (var store in runs.Keys)
                    runs[store].Add(Measure(store, oneCommit, journeys, Path.Combine(work.FullName, $"model-{store}-{oneCommit}-{round}")));
            foreach (var (store, measured) in runs)
            {
                var us = measured.Select(m => m.Us).ToArray();
                results.Add(new Result(store, oneCommit, journeys, measured[0].Commits, us, us.Order().ElementAt(us.Length / 2)));
            }
        }
        return results;
    }

    private static (double Us, double Commits) Measure(string store, bool oneCommit, int journeys, string path)
    {
        using IModelStore model = store == "LiteDB" ? new LiteModelStore(path + ".db") : new SqliteModelStore(path + ".sqlite");
        var journey = new ModelJourney(model, oneCommit);
        for (var i = 0; i < WarmUp; i++) journey.Run(i);
        var commitsBefore = journey.Commits;
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = WarmUp; i < WarmUp + journeys; i++) journey.Run(i);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        return (Math.Round(cpu.TotalMicroseconds / journeys), Math.Round((journey.Commits - commitsBefore) / (double)journeys, 1));
    }
}

using System.Net;
using System.Net.Sockets;

namespace ChatPay.Tests.Support;

/// <summary>
/// Ports for servers whose address must be known before they start (the Bot's links name its own address). A port
/// the kernel hands out for port 0 is from the ephemeral range, where any outgoing connection of a parallel test can
/// take it between the probe and the bind; these come from below that range (Linux: 32768–60999), each handed out
/// once per test run, and are probed before use.
/// </summary>
public static class LoopbackPort
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Random.Shared.Next(Count);

    public static int Free()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + Interlocked.Increment(ref _next) % Count;
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free loopback port in {First}–{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace ChatPay.Tests.Support;

public static class LoopbackPort
{
    /// <summary>A port free on 127.0.0.1 at the moment of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace ChatPay.Bot.Limits;

/// <summary>
/// The client's address as limits count it: the address itself for IPv4, its /64 for IPv6 (one subscriber is
/// usually given a whole /64). Behind a reverse proxy this is the address App:KnownProxies forwarded.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

using System.Threading.Channels;

namespace InternalSite.Cli.Serve;

/// <summary>
/// The open browser tabs, each an event stream (server-sent events) that hears about every rebuild, with the page it
/// shows (so a rebuild can render the pages being looked at first).
/// </summary>
public sealed class ReloadHub
{
    private readonly Lock gate = new();
    private readonly Dictionary<Channel<string>, string?> clients = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return clients.Count;
            }
        }
    }

    /// <summary>The URL paths the open tabs show ("/tools/products/atlas/"), as they said when they connected.</summary>
    public IReadOnlyList<string> OpenPages
    {
        get
        {
            lock (gate)
            {
                return clients.Values.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <param name="page">The URL path the tab shows, when it said.</param>
    public Channel<string> Join(string? page = null)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (gate)
        {
            clients.Add(channel, page);
        }

        return channel;
    }

    public void Leave(Channel<string> channel)
    {
        lock (gate)
        {
            clients.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>Sends one event to every tab: <c>event: name</c> and one line of JSON data.</summary>
    public void Broadcast(string eventName, string json)
    {
        var message = Format(eventName, json);
        lock (gate)
        {
            foreach (var client in clients.Keys)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    public static string Format(string eventName, string json) => $"event: {eventName}\ndata: {json}\n\n";
}

using System.Threading.Channels;

namespace InternalSite.Cli.Serve;

/// <summary>The open browser tabs, each an event stream (server-sent events) that hears about every rebuild.</summary>
public sealed class ReloadHub
{
    private readonly Lock gate = new();
    private readonly List<Channel<string>> clients = [];

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

    public Channel<string> Join()
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (gate)
        {
            clients.Add(channel);
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
            foreach (var client in clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    public static string Format(string eventName, string json) => $"event: {eventName}\ndata: {json}\n\n";
}

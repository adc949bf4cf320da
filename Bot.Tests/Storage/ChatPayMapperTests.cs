using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using LiteDB;

namespace ChatPay.Tests.Storage;

[Trait("Tier", "Unit")]
public class ChatPayMapperTests
{
    [Fact]
    public void A_new_mapper_reads_a_message_with_buttons_on_several_threads_at_once()
    {
        var entry = new ChatLogEntry { Id = 1, ChatKey = "telegram:1", Outgoing = true, Text = "Chọn ngân hàng", Choices = [new ChoiceButton("NCB", "b:1:NCB")], Links = [new LinkButton("Trả", "https://x.vn")] };
        var document = ChatPayMapper.Create().ToDocument(entry);
        const int Rounds = 40, Readers = 4;
        var mappers = Enumerable.Range(0, Rounds).Select(_ => ChatPayMapper.Create()).ToArray();
        var failures = 0;
        // Each round, every reader meets a mapper nobody has used yet at the same moment.
        using var together = new Barrier(Readers);
        var readers = Enumerable.Range(0, Readers).Select(_ => new Thread(() =>
        {
            foreach (var mapper in mappers)
            {
                together.SignalAndWait();
                try
                {
                    if (mapper.ToObject<ChatLogEntry>(document).Choices[0].Payload != "b:1:NCB") Interlocked.Increment(ref failures);
                }
                catch (LiteException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        readers.ForEach(r => r.Start());
        readers.ForEach(r => r.Join());
        Assert.Equal(0, failures);
    }
}

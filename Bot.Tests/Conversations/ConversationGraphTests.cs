using ChatPay.Domain.Conversations;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class ConversationGraphTests
{
    [Fact]
    public void The_readme_shows_the_machines_current_graph()
    {
        var readme = File.ReadAllText(Repository.File("README.md")).ReplaceLineEndings("\n");

        Assert.Contains(Conversation.ToMermaidGraph().ReplaceLineEndings("\n").Trim(), readme);
        Assert.Contains(Conversation.ToDotGraph().ReplaceLineEndings("\n").Trim(), readme);
    }

    [Fact]
    public void Every_state_is_in_the_graph()
    {
        var graph = Conversation.ToDotGraph();

        Assert.All(Enum.GetNames<ConversationState>(), state => Assert.Contains($"\"{state}\"", graph));
    }
}

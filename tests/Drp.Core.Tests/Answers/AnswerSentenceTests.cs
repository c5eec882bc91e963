using Drp.Core.Answers;

namespace Drp.Core.Tests.Answers;

public sealed class AnswerSentenceTests
{
    [Theory]
    [InlineData("60", "The answer is 60.")]
    [InlineData(@"\$1,\!100.00", "The answer is 1100.")]
    [InlineData("2.50", "The answer is 2.5.")]
    [InlineData("3/4", "The answer is 3/4.")]
    [InlineData(@"\text{Navin}", "The answer is Navin.")]
    [InlineData(@"\frac{1}{2}", @"The answer is $\frac{1}{2}$.")]
    [InlineData("x^2", "The answer is $x^2$.")]
    [InlineData("$x^2$", "The answer is $x^2$.")]
    [InlineData("blue.", "The answer is blue.")]
    public void The_closing_sentence_writes_numbers_plainly_text_as_it_reads_and_mathematics_in_dollars(string answer, string sentence)
    {
        Assert.Equal(sentence, AnswerSentence.For(answer));
    }
}

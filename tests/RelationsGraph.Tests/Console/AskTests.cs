using RelationsGraph.Cli.Ask;
using RelationsGraph.Graph;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Console;

public sealed class AskTests
{
    private const string MainQuestion = "how did the US–China–DPRK triangle look in 2017?";

    private static RelationGraph Graph => GraphFile.LoadBundled();

    [Theory]
    [InlineData(MainQuestion, "triangle US China DPRK --in 2017")]
    [InlineData("how did the US—China—DPRK triangle look in 2017?", "triangle US China DPRK --in 2017")]
    [InlineData("how did the US-China-DPRK triangle look in 2017?", "triangle US China DPRK --in 2017")]
    [InlineData("How did the U.S., China and North Korea triangle look in 2017?", "triangle US China DPRK --in 2017")]
    [InlineData("HOW DID THE US–CHINA–DPRK TRIANGLE LOOK IN 2017?", "triangle US China DPRK --in 2017")]
    [InlineData("how did the us–china–dprk triangle look in 2017?", "triangle US China DPRK --in 2017")]
    [InlineData("Washington, Beijing and Pyongyang in 2018", "triangle US China DPRK --in 2018")]
    [InlineData("Seoul, Washington, Pyongyang and Beijing in 2018", "group ROK US DPRK China --in 2018")]
    [InlineData("Moscow, Pyongyang and Beijing, 1950–1953", "triangle USSR DPRK China --from 1950 --to 1953")]
    [InlineData("How is the U.S. connected to Pyongyang?", "path US DPRK")]
    [InlineData("path from the Soviet Union to the United States between 1950 and 1953", "path USSR US --from 1950 --to 1953")]
    [InlineData("3 shortest paths from the US to North Korea", "path US DPRK --k 3")]
    [InlineData("Who was North Korea close to in 1953?", "neighbours DPRK --in 1953 --polarity cooperative")]
    [InlineData("who were China's allies in 1960?", "neighbours China --in 1960 --polarity cooperative")]
    [InlineData("who were Pyongyang’s enemies in November 2017?", "neighbours DPRK --in 2017-11 --polarity conflictual")]
    [InlineData("neighbours of Beijing within 2 hops in 2018", "neighbours China --in 2018 --depth 2")]
    [InlineData("history of China and North Korea", "timeline China DPRK")]
    [InlineData("China’s and the DPRK’s history from 1950 to 1953", "timeline China DPRK --from 1950 --to 1953")]
    [InlineData("Beijing and Moscow over time since 1991", "timeline China USSR --from 1991")]
    [InlineData("what changed between 2016 and 2018?", "diff 2016 2018")]
    [InlineData("What changed from 1991 to 1993?", "diff 1991 1993")]
    [InlineData("what happened in November 2017?", "diff 2017-10 2017-11")]
    [InlineData("what changed between China and North Korea between 2016 and 2018?", "group China DPRK --each year --from 2016 --to 2018")]
    [InlineData("what changed between China and North Korea from 2016 to 2018?", "group China DPRK --each year --from 2016 --to 2018")]
    [InlineData("How did the US-China-DPRK triangle change between 2017 and 2018?", "triangle US China DPRK --each year --from 2017 --to 2018")]
    [InlineData("how did the US–China–DPRK triangle evolve between 2016 and 2019?", "triangle US China DPRK --each year --from 2016 --to 2019")]
    [InlineData("how did relations between Washington and Pyongyang change from 2016 to 2019?", "group US DPRK --each year --from 2016 --to 2019")]
    [InlineData("China and North Korea year by year from 1990 to 1995", "group China DPRK --each year --from 1990 --to 1995")]
    [InlineData("what changed between the US, China and North Korea from 2017-11 to 2018-06?", "triangle US China DPRK --each month --from 2017-11 --to 2018-06")]
    [InlineData("Seoul, Washington, Pyongyang and Beijing over the years from 2016 to 2019", "group ROK US DPRK China --each year --from 2016 --to 2019")]
    [InlineData("how did China and North Korea evolve over the years?", "trend China DPRK")]
    [InlineData("China and North Korea over the years", "trend China DPRK")]
    [InlineData("the trend of Beijing and Moscow since 1950", "trend China USSR --from 1950")]
    [InlineData("North Korea over the years", "timeline DPRK")]
    [InlineData("When did China recognise South Korea?", "timeline China ROK --kinds diplomatic-relations")]
    [InlineData("when did Beijing recognize Seoul?", "timeline China ROK --kinds diplomatic-relations")]
    [InlineData("When did China and North Korea sign a treaty?", "timeline China DPRK --kinds treaty")]
    [InlineData("when did the US and North Korea meet?", "timeline US DPRK --kinds summit")]
    [InlineData("when did China and the US fight?", "timeline China US --kinds war")]
    [InlineData("when did the UN sanction North Korea?", "timeline UN DPRK --kinds sanctions")]
    [InlineData("when were China and North Korea allies?", "timeline China DPRK --kinds ally --polarity cooperative")]
    [InlineData("tell me about Kim Jong Un", "show Kim-Jong-Un")]
    [InlineData("Tell me about the Soviet Union", "show USSR")]
    [InlineData("who is Xi?", "show Xi-Jinping")]
    [InlineData("China and the Soviet Union before 1992", "group China USSR --to 1991")]
    [InlineData("China and South Korea after 1991", "group China ROK --from 1992")]
    [InlineData("the UN and North Korea until 2006", "group UN DPRK --to 2006")]
    [InlineData("summits between Beijing and Pyongyang since 2018", "group China DPRK --from 2018 --kinds summit")]
    [InlineData("sanctions on North Korea in the 2010s", "timeline DPRK --from 2010 --to 2019 --kinds sanctions")]
    [InlineData("North Korea on 27 July 1953", "timeline DPRK --at 1953-07-27")]
    [InlineData("North Korea on July 27th, 1953", "timeline DPRK --at 1953-07-27")]
    [InlineData("the DPRK–ROK relationship in 2018-04", "group DPRK ROK --in 2018-04")]
    [InlineData("how did China and North Korea relate in Sept. 2018", "group China DPRK --in 2018-09")]
    [InlineData("the United States of America and the Republic of Korea in 2021", "group US ROK --in 2021")]
    [InlineData("Kim Il-sung and Kim Jong-Il", "group Kim-Il-Sung Kim-Jong-Il")]
    [InlineData("tell us about China", "show China")]
    [InlineData("how close were the US, China and DPRK in 2017?", "triangle US China DPRK --in 2017")]
    [InlineData("how hostile were the US and North Korea in 2017?", "group US DPRK --in 2017")]
    [InlineData("friendly relations between China and North Korea in 1960", "group China DPRK --in 1960 --polarity cooperative")]
    public void Read_TurnsTheQuestion_IntoTheCommandThatAnswersIt(string question, string expected)
    {
        var reading = QuestionReader.Read(question, Graph);

        reading.Refusal.Should().BeNull();
        string.Join(" ", reading.Arguments!).Should().Be(expected);
    }

    [Theory]
    [InlineData(MainQuestion, "triangle US, China, DPRK · 2017")]
    [InlineData("How is the U.S. connected to Pyongyang in 2017?", "path US → DPRK · 2017")]
    [InlineData("Who was North Korea close to in 1953?", "neighbours DPRK · 1953 · polarity: cooperative")]
    [InlineData("history of China and North Korea from 1950 to 1953", "timeline China, DPRK · 1950/1953")]
    [InlineData("summits between Beijing and Pyongyang since 2018", "group China, DPRK · 2018/.. · kinds: summit")]
    [InlineData("what changed between 2016 and 2018?", "diff 2016 → 2018")]
    [InlineData("neighbours of Beijing within 2 hops before 1992", "neighbours China · ../1991 · depth 2")]
    public void Read_SummarisesTheReading_InOneLine(string question, string expected)
    {
        QuestionReader.Read(question, Graph).Summary.Should().Be(expected);
    }

    [Fact]
    public void Ask_TheMainQuestion_AnswersByteForByteAsTheTriangleCommand()
    {
        var (askCode, askOutput, askError) = CliRunner.Run("ask", MainQuestion);
        var (code, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017");

        askCode.Should().Be(code).And.Be(0);
        askError.Should().BeEmpty();
        var firstLineEnd = askOutput.IndexOf('\n', StringComparison.Ordinal);
        askOutput[..firstLineEnd].Should().Be("read as: triangle US, China, DPRK · 2017 (relgraph triangle US China DPRK --in 2017)");
        askOutput[(firstLineEnd + 1)..].Should().Be(output);
    }

    [Fact]
    public void Ask_TheQuestionAsSeparateWords_ReadsAsTheQuotedQuestion()
    {
        var quoted = CliRunner.Run("ask", MainQuestion);

        var words = CliRunner.Run(["ask", .. MainQuestion.Split(' ')]);

        words.Should().Be(quoted);
    }

    [Fact]
    public void Ask_Json_KeepsStdoutTheCommandsJson_AndSaysTheReadingOnStderr()
    {
        var (askCode, askOutput, askError) = CliRunner.Run("ask", MainQuestion, "--format", "json");
        var (_, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017", "--format", "json");

        askCode.Should().Be(0);
        askOutput.Should().Be(output);
        askError.Should().Be("read as: triangle US, China, DPRK · 2017 (relgraph triangle US China DPRK --in 2017)\n");
    }

    [Fact]
    public void Ask_WithGraph_ReadsAndAnswersFromThatFile()
    {
        var (askCode, askOutput, _) = CliRunner.Run("ask", "history of China and North Korea from 1950 to 1953", "--graph", Repo.GraphJson);
        var (code, output, _) = CliRunner.Run("timeline", "China", "DPRK", "--from", "1950", "--to", "1953", "--graph", Repo.GraphJson);

        askCode.Should().Be(code);
        askOutput.Should().Be("read as: timeline China, DPRK · 1950/1953 (relgraph timeline China DPRK --from 1950 --to 1953)\n" + output);
    }

    [Fact]
    public void Ask_WithNotes_PassesThemToTheAnswer()
    {
        var (_, askOutput, _) = CliRunner.Run("ask", "tell me about China in 1961", "--notes");
        var (_, output, _) = CliRunner.Run("timeline", "China", "--in", "1961", "--notes");

        askOutput.Should().EndWith(output).And.Contain("note: ");
    }

    [Fact]
    public void Ask_NeighboursQuestion_MatchesTheGoldenFile()
    {
        var (code, output, error) = CliRunner.Run("ask", "Who was North Korea close to in 1950?");

        code.Should().Be(0, error);
        CliRunner.ShouldMatchGolden(output, "ask-neighbours-dprk-1950.txt");
    }

    [Fact]
    public void Ask_WhatChanged_MatchesTheGoldenFile()
    {
        var (code, output, error) = CliRunner.Run("ask", "what changed between 2016 and 2018?");

        code.Should().Be(0, error);
        CliRunner.ShouldMatchGolden(output, "ask-diff-2016-2018.txt");
    }

    [Fact]
    public void Ask_WhenDid_AnswersWithTheFirstHitFirst()
    {
        var (code, output, error) = CliRunner.Run("ask", "When did China recognise South Korea?");

        code.Should().Be(0, error);
        var lines = output.Split('\n');
        lines[0].Should().StartWith("read as: timeline China, ROK · kinds: diplomatic-relations · first hit first");
        lines.Skip(1).First(l => l.StartsWith("  + ", StringComparison.Ordinal))
            .Should().StartWith("  + 1992/..  diplomatic-relations  China -- South Korea  China establishes diplomatic relations");
    }

    [Fact]
    public void Ask_ChangeBetweenTwoYears_AnswersOneTable_WithAColumnPerYear()
    {
        var (code, output, error) = CliRunner.Run("ask", "How did the US-China-DPRK triangle change between 2017 and 2018?");

        code.Should().Be(0, error);
        output.Should().Contain("\n                                2017  2018\n")
            .And.Contain("\n  United States – North Korea     -1    +2\n")
            .And.Contain("\n  China – North Korea          +2 -5    +6\n");
    }

    [Fact]
    public void Ask_TheQuestionTable_HasAtLeastSixtyQuestions()
    {
        var readings = typeof(AskTests).GetMethod(nameof(Read_TurnsTheQuestion_IntoTheCommandThatAnswersIt))!.GetCustomAttributes(typeof(InlineDataAttribute), false).Length;
        var refusals = typeof(AskTests).GetMethod(nameof(Ask_AQuestionItCannotRead_IsRefusedWithWhatItUnderstood_AndExitsTwo))!.GetCustomAttributes(typeof(InlineDataAttribute), false).Length;

        (readings + refusals).Should().BeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public void Ask_AQuestionWithNoAnswer_ExitsOne()
    {
        var (code, output, _) = CliRunner.Run("ask", "how did Japan and Russia look in 1950?");

        code.Should().Be(1);
        output.Should().StartWith("read as: group Japan, Russia · 1950 (relgraph group Japan Russia --in 1950)\n");
    }

    [Fact]
    public void Ask_NamesWordsThatLookLikeUnknownActors_InTheReadingLine()
    {
        var (code, output, _) = CliRunner.Run("ask", "tell me about China and Iran");

        code.Should().Be(0);
        output.Should().StartWith("read as: show China · not understood: Iran (relgraph show China)\n");
    }

    [Theory]
    [InlineData(
        "what is the meaning of life?",
        """
        error: cannot answer "what is the meaning of life?": it names no actor of the graph ('relgraph actors' lists them).
        understood: actors none · time none · shape show
        commands that would answer:
          relgraph actors

        """)]
    [InlineData(
        "how is China connected?",
        """
        error: cannot answer "how is China connected?": a path needs two actors, and the question names one (China).
        understood: actors China · time none · shape path
        commands that would answer:
          relgraph path China ACTOR
          relgraph show China
          relgraph timeline China
          relgraph neighbours China

        """)]
    [InlineData(
        "how did the US–China–Iran triangle look in 2017?",
        """
        error: cannot answer "how did the US–China–Iran triangle look in 2017?": a triangle needs three actors, and the question names two (US, China).
        understood: actors US, China · time 2017 · shape triangle
        unknown actor 'Iran'; 'relgraph actors' lists the known actors.
        commands that would answer:
          relgraph path US China --in 2017
          relgraph timeline US China --in 2017
          relgraph group US China --in 2017

        """)]
    [InlineData(
        "how did China and North Korea get along after the 1961 treaty?",
        """
        error: cannot answer "how did China and North Korea get along after the 1961 treaty?": times relative to events, such as 'after the 1961 treaty', are not understood; give a date instead, as in 'since 1962' or 'from 1950 to 1953'.
        understood: actors China, DPRK · time none · shape none · kinds treaty
        commands that would answer:
          relgraph path China DPRK
          relgraph timeline China DPRK
          relgraph group China DPRK

        """)]
    [InlineData(
        "what did China do during the Korean War?",
        """
        error: cannot answer "what did China do during the Korean War?": times relative to events, such as 'during the Korean War', are not understood; give a date instead, as in 'since 1962' or 'from 1950 to 1953'.
        understood: actors China · time none · shape none · kinds war
        unknown actor 'Korean War'; 'relgraph actors' lists the known actors.
        commands that would answer:
          relgraph show China
          relgraph timeline China
          relgraph neighbours China

        """)]
    [InlineData(
        "what changed since 2018?",
        """
        error: cannot answer "what changed since 2018?": 'what changed' needs two dates, as in 'between 2016 and 2018', or one year or month, as in 'in 2017'.
        understood: actors none · time 2018/.. · shape diff
        commands that would answer:
          relgraph diff 2018 TO

        """)]
    [InlineData(
        "how did China and the DPRK get along in 2017 and in 2019?",
        """
        error: cannot answer "how did China and the DPRK get along in 2017 and in 2019?": it gives more than one time ('in 2017', 'in 2019'); ask about one year, month, day or range.
        understood: actors China, DPRK · time in 2017, in 2019 · shape none
        commands that would answer:
          relgraph path China DPRK
          relgraph timeline China DPRK
          relgraph group China DPRK

        """)]
    [InlineData(
        "China on February 30, 2017",
        """
        error: cannot answer "China on February 30, 2017": 'February 30, 2017' is not a date: day 30 does not exist in 2017-02, which has 28 days.
        understood: actors China · time none · shape none
        commands that would answer:
          relgraph show China
          relgraph timeline China
          relgraph neighbours China

        """)]
    [InlineData(
        "who was close to China and Russia?",
        """
        error: cannot answer "who was close to China and Russia?": 'close to' asks about the neighbours of one actor, and the question names two (China, Russia).
        understood: actors China, Russia · time none · shape neighbours · polarity cooperative
        commands that would answer:
          relgraph path China Russia
          relgraph timeline China Russia
          relgraph group China Russia

        """)]
    [InlineData(
        "Korea between 1953 and 1950",
        """
        error: cannot answer "Korea between 1953 and 1950": 'between 1953 and 1950' runs backwards: 1950 is before 1953.
        understood: actors none · time none · shape none
        unknown actor 'Korea'; did you mean 'North Korea' (DPRK) or 'South Korea' (ROK)?
        commands that would answer:
          relgraph actors

        """)]
    [InlineData(
        "the US, China and the DPRK over the years",
        """
        error: cannot answer "the US, China and the DPRK over the years": 'over the years' asks how the triangle changed across periods, which needs two dates, as in 'between 2016 and 2019'.
        understood: actors US, China, DPRK · time none · shape change
        commands that would answer:
          relgraph triangle US China DPRK --each year --from YEAR --to YEAR
          relgraph triangle US China DPRK

        """)]
    [InlineData(
        "When did North Korea test a nuclear weapon?",
        """
        error: cannot answer "When did North Korea test a nuclear weapon?": 'when did' asks when a kind of relation first happened, and the question names none (such as recognise, sign a treaty, meet, sanction, fight).
        understood: actors DPRK · time none · shape when
        commands that would answer:
          relgraph show DPRK
          relgraph timeline DPRK
          relgraph neighbours DPRK

        """)]
    [InlineData(
        "when did the US, China and Russia meet?",
        """
        error: cannot answer "when did the US, China and Russia meet?": 'when did' is answered for one actor or a pair, and the question names three (US, China, Russia).
        understood: actors US, China, Russia · time none · shape when · kinds summit
        commands that would answer:
          relgraph triangle US China Russia

        """)]
    [InlineData(
        "What is the weather in Beijing?",
        """
        error: cannot answer "What is the weather in Beijing?": it asks about 'weather', which is no relation, question shape or time this reader knows.
        understood: actors China · time none · shape show
        commands that would answer:
          relgraph show China
          relgraph timeline China
          relgraph neighbours China

        """)]
    [InlineData(
        "How big was the trade volume of China, the US and North Korea in 2017?",
        """
        error: cannot answer "How big was the trade volume of China, the US and North Korea in 2017?": it asks about 'big', 'volume', which is no relation, question shape or time this reader knows.
        understood: actors China, US, DPRK · time 2017 · shape none · kinds trade
        commands that would answer:
          relgraph triangle China US DPRK --in 2017

        """)]
    [InlineData(
        "   ",
        """
        error: cannot answer "": the question is empty.
        understood: actors none · time none · shape none
        commands that would answer:
          relgraph actors

        """)]
    public void Ask_AQuestionItCannotRead_IsRefusedWithWhatItUnderstood_AndExitsTwo(string question, string expected)
    {
        var (code, output, error) = CliRunner.Run("ask", question);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be(expected.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Ask_WithoutAQuestion_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("ask");

        code.Should().Be(2);
        error.Should().Contain("Run 'relgraph ask --help'");
    }

    [Fact]
    public void Ask_Help_ShowsExamples()
    {
        var (code, output, _) = CliRunner.Run("ask", "--help");

        code.Should().Be(0);
        output.Should().Contain("Examples:").And.Contain("relgraph ask \"how did the US–China–DPRK triangle look in 2017?\"");
    }

    [Fact]
    public void Ask_EveryExampleInItsHelp_IsAnswered()
    {
        var help = CliRunner.Run("ask", "--help").Output;
        var examples = help.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("relgraph ask \"", StringComparison.Ordinal)).ToList();

        examples.Should().HaveCountGreaterThan(5);
        foreach (var example in examples)
        {
            var words = Cli.Repl.ShellWords.Split(example).Skip(1).ToArray();
            var (code, _, error) = CliRunner.Run(words);

            code.Should().Be(0, $"'{example}' should be answered: {error}");
        }
    }

    [Fact]
    public void Read_EveryActorName_IsFoundInASentence()
    {
        foreach (var actor in Graph.Actors)
        {
            foreach (var name in new[] { actor.Id.Value, actor.Name }.Concat(actor.Aliases))
            {
                var reading = QuestionReader.Read($"tell me about {name}", Graph);

                reading.Actors.Select(a => a.Id).Should().Equal([actor.Id], $"'{name}' names {actor.Id}");
            }
        }
    }

    [Fact]
    public void Read_TheWordUs_IsNotTheUnitedStates()
    {
        var reading = QuestionReader.Read("tell us about the DPRK and China in 2018", Graph);

        reading.Actors.Select(a => a.Id.Value).Should().Equal("DPRK", "China");
    }
}

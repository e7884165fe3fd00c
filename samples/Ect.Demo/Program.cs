using Ect.Demo;

foreach (var line in TwoAgentDemo.Run(TimeProvider.System))
{
    Console.WriteLine(line);
}

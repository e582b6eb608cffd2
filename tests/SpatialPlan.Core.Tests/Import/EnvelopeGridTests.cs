using SpatialPlan.Core.Import;

namespace SpatialPlan.Core.Tests.Import;

/// <summary>
/// The overlap pass's candidate pairs (<see cref="EnvelopeGrid"/>) against the brute-force pairing of every box with
/// every other: exactly the pairs of boxes that meet (touching included), each once, on seeded layouts that stress it —
/// a field of strips with a few huge parcels among them, points and lines (zero width), repeated boxes, boxes that meet
/// exactly on cell lines, absent boxes, and a sparse scatter over a wide extent.
/// </summary>
public class EnvelopeGridTests
{
    [Theory]
    [InlineData(1, 3000)]
    [InlineData(2, 3000)]
    [InlineData(3, 500)]
    [InlineData(4, 1)]
    [InlineData(5, 0)]
    public void EveryMeetingPairIsFoundOnceAndNoOther(int seed, int n)
    {
        var random = new Random(seed);
        var (minX, minY, maxX, maxY) = (new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            double x, y, w, h;
            switch (random.Next(10))
            {
                case 0: // huge: far more than the grid's cells per box
                    (x, y, w, h) = (random.NextDouble() * 5000, random.NextDouble() * 5000, 500 + (random.NextDouble() * 3000), 500 + (random.NextDouble() * 3000));
                    break;
                case 1: // a point or a line, on whole metres (boxes that meet exactly)
                    (x, y, w, h) = (random.Next(0, 5000), random.Next(0, 5000), random.Next(2) * random.Next(0, 60), 0);
                    break;
                case 2 when i > 0: // the same box as an earlier one
                    var k = random.Next(i);
                    (x, y, w, h) = (minX[k], minY[k], maxX[k] - minX[k], maxY[k] - minY[k]);
                    break;
                case 3: // absent (no geometry)
                    (x, y, w, h) = (double.NaN, double.NaN, double.NaN, double.NaN);
                    break;
                case 4 when seed == 3: // a sparse scatter over a wide extent
                    (x, y, w, h) = (random.NextDouble() * 1e7, random.NextDouble() * 1e7, 40, 300);
                    break;
                default: // strips on a 40 m grid, touching their neighbours
                    (x, y, w, h) = (40 * random.Next(0, 125), 300 * random.Next(0, 17), 40, 300);
                    break;
            }

            (minX[i], minY[i], maxX[i], maxY[i]) = (x, y, x + w, y + h);
        }

        var expected = new HashSet<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (minX[j] <= maxX[i] && minX[i] <= maxX[j] && minY[j] <= maxY[i] && minY[i] <= maxY[j])
                {
                    expected.Add((i, j));
                }
            }
        }

        var grid = new EnvelopeGrid(minX, minY, maxX, maxY);
        var found = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            grid.PairsOf(i, (a, b) => found.Add((Math.Min(a, b), Math.Max(a, b))));
        }

        Assert.Equal(found.Count, found.Distinct().Count()); // each once
        Assert.True(expected.SetEquals(found), $"{expected.Count} pairs expected, {found.Count} found, {expected.Except(found).Count()} missed");
        if (n >= 500)
        {
            Assert.True(expected.Count > n, $"only {expected.Count} pairs: the layout does not test much");
        }
    }
}

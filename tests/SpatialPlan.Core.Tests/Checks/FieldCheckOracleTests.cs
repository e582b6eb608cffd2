using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Measurement;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// A whole check over a field of 河套 strips as the 1M data has them (vertices along the long sides, every coordinate
/// rounded to 0.1 mm, so most strips are a hair concave), against brute force over every strip: NTS's general overlay
/// for what each footprint overlaps and by how much, DistanceOp for what lies within the zone's 200 m. The check's fast
/// paths (the convex clip, the crossing walk, the segment walk that tells candidates apart) must give the same parcels,
/// areas and distances: roads, concave and convex footprints, a footprint inside one strip, one around many.
/// </summary>
public sealed class FieldCheckOracleTests
{
    private const double ProximityM = 200; // the test policy's farmland zone

    [Fact]
    public void EveryFootprintFindsTheSameParcelsAreasAndDistancesAsBruteForce()
    {
        var random = new Random(20261130);
        var strips = Field(random);
        var layer = ZoneLayer.Create("farmland", "永久基本农田", "Farmland", "permanent-farmland", "permanent-farmland", true,
            strips.Select((s, i) => new ZoneFeature($"tb{i:D4}", string.Empty, null, s)));
        var check = new SiteCheck(EnginePolicy.Policy, [layer]);

        var footprints = new List<(string Name, Polygon Shape, string Kind)>();
        for (var k = 0; k < 8; k++)
        {
            footprints.Add(($"road {k}", Road(random), EnginePolicy.Road));
        }

        for (var k = 0; k < 4; k++)
        {
            var (cx, cy) = (SeededShapes.X0 + 300 + (random.NextDouble() * 1_200), SeededShapes.Y0 + 300 + (random.NextDouble() * 1_200));
            footprints.Add(($"hexagon {k}", SeededShapes.Hexagon(random, cx, cy, j => (k % 2 == 0 && j % 2 == 1 ? 60 : 180) + (random.NextDouble() * 40)), EnginePolicy.Urban));
        }

        // A road with rounder ends (more than 64 vertices): its near 图斑 go through the prepared buffer and an unordered walk.
        var round = (Polygon)SeededShapes.Factory.CreateLineString(
            [new(SeededShapes.X0 - 300, SeededShapes.Y0 + 700), new(SeededShapes.X0 + 600, SeededShapes.Y0 + 900), new(SeededShapes.X0 + 1_400, SeededShapes.Y0 + 600)]).Buffer(18, 24);
        Assert.True(round.NumPoints > 64, $"{round.NumPoints} vertices");
        footprints.Add(("round-ended road", round, EnginePolicy.Road));

        var inside = strips[137].Centroid.Coordinate;
        footprints.Add(("inside one strip", SeededShapes.Rotated(inside.X, inside.Y, 0.1, [(-5, -20), (5, -20), (5, 20), (-5, 20)]), EnginePolicy.Urban));
        footprints.Add(("around many strips", SeededShapes.Rotated(SeededShapes.X0 + 900, SeededShapes.Y0 + 900, 0.3, [(-400, -350), (420, -300), (380, 400), (-350, 380)]), EnginePolicy.Urban));

        // A band 1.4 km wide and 12 km long across the field: a fifth of its box, so its candidates come from the cells near
        // it, and the strips along its middle, far from its sides, only from the cells wholly inside it.
        footprints.Add(("wide diagonal band", SeededShapes.Rotated(SeededShapes.X0 + 900, SeededShapes.Y0 + 900, 0.785, [(-6_000, -700), (6_000, -700), (6_000, 700), (-6_000, 700)]), EnginePolicy.Urban));

        var overlapsSeen = 0;
        var nearbySeen = 0;
        foreach (var (name, shape, kind) in footprints)
        {
            var options = Kind(kind);
            var zone = check.Run(Core.Checks.Footprint.FromGk([shape], Crs.TestAreas.Gk108, options), options).Zones.Single();

            var expectedOverlaps = new Dictionary<string, double>();
            var expectedNearby = new Dictionary<string, double>();
            foreach (var (strip, i) in strips.Select((s, i) => (s, i)))
            {
                var id = $"tb{i:D4}";
                var area = shape.Intersects(strip) ? PlanarMeasure.AreaM2(OverlayNGRobust.Overlay(shape, strip, SpatialFunction.Intersection)) : 0;
                if (area > 0)
                {
                    expectedOverlaps[id] = area;
                }
                else if (PlanarMeasure.DistanceM(shape, strip) is var d && d <= ProximityM)
                {
                    expectedNearby[id] = d;
                }
            }

            var overlaps = zone.Features.ToDictionary(f => f.Id, f => f.OverlapAreaM2);
            Assert.Equal(expectedOverlaps.Keys.Order(), overlaps.Keys.Order());
            foreach (var (id, area) in expectedOverlaps)
            {
                Assert.True(Math.Abs(overlaps[id] - area) <= 1e-9 * area, $"{name}, {id}: {overlaps[id]} m² against the overlay's {area}");
            }

            var nearby = zone.NearbyFeatures.ToDictionary(f => f.Id, f => f.DistanceM);
            Assert.Equal(expectedNearby.Keys.Order(), nearby.Keys.Order());
            foreach (var (id, distance) in expectedNearby)
            {
                Assert.True(Math.Abs(nearby[id] - distance) <= 1e-9 * Math.Max(1, distance), $"{name}, {id}: {nearby[id]} m against DistanceOp's {distance}");
            }

            overlapsSeen += overlaps.Count;
            nearbySeen += nearby.Count;
        }

        // The field is dense enough that every path is taken many times.
        Assert.True(overlapsSeen > 300 && nearbySeen > 300, $"overlaps {overlapsSeen}, nearby {nearbySeen}");
    }

    /// <summary>40 × 6 strips of 40 × 300 m with 5 m lanes and 10 m roads between, 7 vertices per long side, the field turned by 0.2 rad and rounded to 0.1 mm.</summary>
    private static List<Polygon> Field(Random random)
    {
        var strips = new List<Polygon>();
        var (c, s) = (Math.Cos(0.2), Math.Sin(0.2));
        for (var col = 0; col < 40; col++)
        {
            for (var row = 0; row < 6; row++)
            {
                var (x0, y0) = (col * 45.0, row * 310.0);
                var width = 35 + (random.NextDouble() * 5);
                var points = new List<(double X, double Y)>();
                for (var k = 0; k <= 6; k++)
                {
                    points.Add((x0, y0 + (k * 50.0)));
                }

                for (var k = 6; k >= 0; k--)
                {
                    points.Add((x0 + width, y0 + (k * 50.0)));
                }

                points.Reverse(); // counter-clockwise
                var coordinates = points.Select(p => new Coordinate(
                    Math.Round(SeededShapes.X0 + (p.X * c) - (p.Y * s), 4), Math.Round(SeededShapes.Y0 + (p.X * s) + (p.Y * c), 4))).ToList();
                coordinates.Add(coordinates[0].Copy());
                strips.Add(SeededShapes.Factory.CreatePolygon([.. coordinates]));
            }
        }

        return strips;
    }

    private static Polygon Road(Random random)
    {
        var (x, y) = (SeededShapes.X0 - 600 + (random.NextDouble() * 600), SeededShapes.Y0 + 200 + (random.NextDouble() * 1_400));
        var line = SeededShapes.Factory.CreateLineString([new(x, y), new(x + 700, y + (random.NextDouble() * 400) - 200), new(x + 1_500, y + (random.NextDouble() * 600) - 300)]);
        return (Polygon)line.Buffer(10 + (random.NextDouble() * 15));
    }
}

namespace SpatialPlan.Core.Import;

/// <summary>
/// Every pair of boxes that meet (closed boxes: touching counts), each pair once: the candidate pairs of a layer's
/// self-join. The boxes go into a uniform grid sized from their median width and height, stored as flat arrays (cell
/// start offsets and box numbers, boxes as four arrays of doubles), so a million 图斑 are paired in a few hundred
/// milliseconds where an R-tree spends seconds on a million queries. A pair that shares several cells is reported from
/// one only: the cell of its reference point, the lower-left corner of the two boxes' overlap, which both boxes cover.
/// A box that would span more than <see cref="MaxCellsPerBox"/> cells (a parcel far larger than the rest) is kept out
/// of the grid; it walks the cells it covers itself, and meets the other large boxes directly. Boxes are given as
/// min/max arrays; a box with NaN in it is absent (no geometry). Safe to query from several threads once built.
/// </summary>
internal sealed class EnvelopeGrid
{
    /// <summary>Boxes spanning more cells than this are queried, not stored.</summary>
    public const int MaxCellsPerBox = 16;

    private readonly double[] _minX;
    private readonly double[] _minY;
    private readonly double[] _maxX;
    private readonly double[] _maxY;
    private readonly double _x0;
    private readonly double _y0;
    private readonly double _w;
    private readonly double _h;
    private readonly int _cols;
    private readonly int _rows;
    private readonly int[] _start = [];
    private readonly int[] _items = [];
    private readonly bool[] _large;
    private readonly int[] _larges;

    public EnvelopeGrid(double[] minX, double[] minY, double[] maxX, double[] maxY)
    {
        (_minX, _minY, _maxX, _maxY) = (minX, minY, maxX, maxY);
        var n = minX.Length;
        _large = new bool[n];
        var present = Enumerable.Range(0, n).Where(Present).ToArray();
        if (present.Length == 0)
        {
            _larges = [];
            _cols = _rows = 1;
            _w = _h = 1;
            return;
        }

        _x0 = present.Min(i => minX[i]);
        _y0 = present.Min(i => minY[i]);
        var x1 = present.Max(i => maxX[i]);
        var y1 = present.Max(i => maxY[i]);
        // Cells twice the median box: a typical box covers one to four cells, a cell holds a few dozen boxes.
        // (The median of a sample of some 10 000 boxes does for that.)
        var step = Math.Max(1, present.Length / 10_000);
        var sample = Enumerable.Range(0, present.Length / step).Select(k => present[k * step]).ToArray();
        var widths = sample.Select(i => maxX[i] - minX[i]).ToArray();
        var heights = sample.Select(i => maxY[i] - minY[i]).ToArray();
        Array.Sort(widths);
        Array.Sort(heights);
        var w = Math.Max(2 * widths[widths.Length / 2], (x1 - _x0) / 65536);
        var h = Math.Max(2 * heights[heights.Length / 2], (y1 - _y0) / 65536);
        w = w > 0 ? w : 1;
        h = h > 0 ? h : 1;
        // No more cells than about four per box: a sparse layer gets coarser cells, not a huge empty grid.
        var cells = Math.Ceiling((x1 - _x0) / w + 1) * Math.Ceiling((y1 - _y0) / h + 1);
        var limit = 4.0 * present.Length + 16;
        if (cells > limit)
        {
            var k = Math.Sqrt(cells / limit);
            w *= k;
            h *= k;
        }

        (_w, _h) = (w, h);
        _cols = (int)Math.Min(int.MaxValue / 4, Math.Floor((x1 - _x0) / w) + 1);
        _rows = (int)Math.Min(int.MaxValue / 4 / _cols, Math.Floor((y1 - _y0) / h) + 1);
        var counts = new int[(_cols * _rows) + 1];
        var larges = new List<int>();
        foreach (var i in present)
        {
            var (c0, c1, r0, r1) = Span(i);
            if ((long)(c1 - c0 + 1) * (r1 - r0 + 1) > MaxCellsPerBox)
            {
                _large[i] = true;
                larges.Add(i);
                continue;
            }

            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    counts[(r * _cols) + c + 1]++;
                }
            }
        }

        for (var k = 1; k < counts.Length; k++)
        {
            counts[k] += counts[k - 1];
        }

        _start = counts;
        _items = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        foreach (var i in present)
        {
            if (_large[i])
            {
                continue;
            }

            var (c0, c1, r0, r1) = Span(i);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    _items[fill[(r * _cols) + c]++] = i; // ascending within each cell
                }
            }
        }

        _larges = [.. larges];
    }

    /// <summary>
    /// Calls <paramref name="pair"/> with every box that meets box <paramref name="i"/> and whose pair with it belongs to
    /// <paramref name="i"/>: over all i, every meeting pair exactly once (in either order).
    /// </summary>
    public void PairsOf(int i, Action<int, int> pair)
    {
        if (!Present(i))
        {
            return;
        }

        var (c0, c1, r0, r1) = Span(i);
        if (_large[i])
        {
            // A large box owns its pairs with every stored box, and with the large boxes after it.
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    var cell = (r * _cols) + c;
                    for (var k = _start[cell]; k < _start[cell + 1]; k++)
                    {
                        var j = _items[k];
                        if (Meet(i, j) && RefCell(i, j) == cell)
                        {
                            pair(i, j);
                        }
                    }
                }
            }

            foreach (var j in _larges)
            {
                if (j > i && Meet(i, j))
                {
                    pair(i, j);
                }
            }

            return;
        }

        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var cell = (r * _cols) + c;
                // A cell's boxes are in ascending order: those after i start just past i itself.
                var from = Array.BinarySearch(_items, _start[cell], _start[cell + 1] - _start[cell], i);
                for (var k = from < 0 ? ~from : from + 1; k < _start[cell + 1]; k++)
                {
                    var j = _items[k];
                    if (Meet(i, j) && RefCell(i, j) == cell)
                    {
                        pair(i, j);
                    }
                }
            }
        }
    }

    private bool Present(int i) => !double.IsNaN(_minX[i]) && !double.IsNaN(_minY[i]) && !double.IsNaN(_maxX[i]) && !double.IsNaN(_maxY[i]);

    private bool Meet(int i, int j) => _minX[j] <= _maxX[i] && _minX[i] <= _maxX[j] && _minY[j] <= _maxY[i] && _minY[i] <= _maxY[j];

    /// <summary>The cell of the pair's reference point (the lower-left corner of the two boxes' overlap).</summary>
    private int RefCell(int i, int j) => (Row(Math.Max(_minY[i], _minY[j])) * _cols) + Col(Math.Max(_minX[i], _minX[j]));

    private (int C0, int C1, int R0, int R1) Span(int i) => (Col(_minX[i]), Col(_maxX[i]), Row(_minY[i]), Row(_maxY[i]));

    private int Col(double x) => (int)Math.Clamp(Math.Floor((x - _x0) / _w), 0, _cols - 1);

    private int Row(double y) => (int)Math.Clamp(Math.Floor((y - _y0) / _h), 0, _rows - 1);
}

namespace SpatialPlan.Core.Sources;

/// <summary>How deep JSON text nests, counted on the bytes (strings skipped), to tell a depth refusal from a syntax error.</summary>
internal static class JsonDepth
{
    public static bool Exceeds(ReadOnlySpan<byte> json, int maxDepth)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'[' or (byte)'{':
                    if (++depth > maxDepth)
                    {
                        return true;
                    }

                    break;
                case (byte)']' or (byte)'}':
                    depth--;
                    break;
            }
        }

        return false;
    }
}

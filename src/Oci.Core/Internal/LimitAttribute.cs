using System;

namespace Oci
{
    /// <summary>
    /// The bound of an options property whose strings differ from <see cref="OciLimits.MaxStringLength"/> (a path, a
    /// name, standard input). Read by <see cref="OptionsBinder"/> and <see cref="OptionsBounds"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class LimitAttribute : Attribute
    {
        public LimitAttribute(int maxLength) => MaxLength = maxLength;

        /// <summary>The longest string the property (or each of its items) may carry.</summary>
        public int MaxLength { get; }

        /// <summary>True when the property's length does not count towards <see cref="OciLimits.MaxRequestLength"/> (standard input).</summary>
        public bool OutsideRequestLength { get; set; }

        /// <summary>True when the text may hold NUL characters (data, not a name, path or argument).</summary>
        public bool AllowsNul { get; set; }
    }
}

using System;
using System.Management.Automation.Host;

namespace Oci.Host
{
    /// <summary>
    /// Just enough of a raw console for the formatter: it sizes tables from <see cref="BufferSize"/>.
    /// Redirected output gets a fixed 120 columns so logs look the same everywhere.
    /// </summary>
    public sealed class ConsoleRawUI : PSHostRawUserInterface
    {
        private const int RedirectedWidth = 120;

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; } = 25;
        public override string WindowTitle { get; set; } = "Oci.Host";
        public override bool KeyAvailable => false;

        public override Size BufferSize
        {
            get => new(Width(), 9999);
            set { }
        }

        public override Size WindowSize
        {
            get => new(Width(), 50);
            set { }
        }

        public override Size MaxWindowSize => WindowSize;
        public override Size MaxPhysicalWindowSize => WindowSize;

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("Oci.Host cannot read keys.");
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

        private static int Width()
        {
            if (Console.IsOutputRedirected) return RedirectedWidth;
            try
            {
                var w = Console.WindowWidth;
                return w > 20 ? w : RedirectedWidth;
            }
            catch (System.IO.IOException)
            {
                return RedirectedWidth;
            }
        }
    }
}

# How to start another pwsh like the running one. Installed pwsh runs as its own executable; pwsh as a
# dotnet tool (dotnet pwsh) runs inside the dotnet host, whose process path is dotnet: then the child is
# `dotnet <PSHOME>/pwsh.dll`, which needs neither the tool manifest nor the current folder.

function Get-PwshCommand {
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

function Invoke-Pwsh {
    # Runs a child pwsh with these arguments (after -NoProfile -NonInteractive); output and exit code as usual.
    param([Parameter(Mandatory)] [string[]] $Arguments)
    $command = @(Get-PwshCommand)
    $rest = @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $Arguments
    & $command[0] $rest
}

#Requires -Version 7.2
# Mirrors tests/Oci.PowerShell.Tests/PackageTests.cs (same cases, same assertions): the Gallery package made
# by the dotnet/MSBuild target (what build.ps1 -Task Package runs) is laid out as Install-Module expects.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Add-Type -AssemblyName System.IO.Compression.FileSystem
}

Describe 'The module package' {
    It 'is a Gallery-ready module package' {
        Test-Path $ModulePath | Should -BeTrue -Because 'the module must be built first'
        $output = Join-Path ([IO.Path]::GetTempPath()) ("oci-pack-" + [guid]::NewGuid().ToString('N'))
        try {
            $project = Join-Path $RepoRoot 'eng/package/Oci.Package.proj'
            $log = & dotnet pack $project -c Release -nologo "-p:PackageOutputPath=$output/" 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($log -join "`n")

            $package = @(Get-ChildItem $output -Filter 'Oci.*.nupkg')
            $package.Count | Should -Be 1
            $package[0].Name | Should -Be 'Oci.0.1.0.nupkg'
            $zip = [IO.Compression.ZipFile]::OpenRead($package[0].FullName)
            try {
                $names = @($zip.Entries | ForEach-Object FullName)
                foreach ($f in 'Oci.psd1', 'Oci.PowerShell.dll', 'Oci.format.ps1xml', 'en-US/Oci.PowerShell.dll-Help.xml', 'Dependencies/Oci.Core.dll', 'Dependencies/Docker.DotNet.dll', 'Dependencies/BouncyCastle.Cryptography.dll') {
                    $names | Should -Contain $f
                }
                @($names | Where-Object { $_ -like 'lib/*' }).Count | Should -Be 0

                $reader = [IO.StreamReader]::new($zip.GetEntry('Oci.nuspec').Open())
                try { [xml] $nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
                $metadata = $nuspec.package.metadata
                $metadata.id | Should -Be 'Oci'
                $metadata.dependencies | Should -BeNullOrEmpty
                $tags = $metadata.tags -split ' '
                $tags | Should -Contain 'PSModule'
                $tags | Should -Contain 'PSEdition_Core'
                $tags | Should -Contain 'PSEdition_Desktop'
                foreach ($c in $Cmdlets) {
                    $tags | Should -Contain "PSCmdlet_$c"
                    $tags | Should -Contain "PSCommand_$c"
                }
            }
            finally { $zip.Dispose() }
        }
        finally {
            if (Test-Path $output) { Remove-Item $output -Recurse -Force }
        }
    }
}

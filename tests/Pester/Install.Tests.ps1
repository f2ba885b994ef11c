#Requires -Version 7.2
# The module as users get it: the Gallery package (eng/package/Oci.Package.proj, what build.ps1 -Task Package makes)
# is laid out as Install-Module expects; installed from a local folder repository with Install-PSResource and with
# Install-Module into a temporary HOME (so the user's own modules stay untouched), it imports by name in a fresh
# pwsh, has help for every cmdlet and about_Oci, and pulls an image from the test bed. build.ps1 -Task Install
# runs this file alone.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Add-Type -AssemblyName System.IO.Compression.FileSystem

    $Work = Join-Path ([IO.Path]::GetTempPath()) ('oci-install-' + [guid]::NewGuid().ToString('N'))
    $Repository = Join-Path $Work 'repository'
    $log = & dotnet pack (Join-Path $RepoRoot 'eng/package/Oci.Package.proj') -c Release -nologo "-p:PackageOutputPath=$Repository/" 2>&1
    if ($LASTEXITCODE -ne 0) { throw "dotnet pack failed:`n$($log -join "`n")" }
    $Package = @(Get-ChildItem $Repository -Filter 'Oci.*.nupkg')
    # What the user's own module folder holds of Oci now: the installs below must not change it.
    $UserOci = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'powershell/Modules/Oci'
    $UserOciBefore = @(Get-ChildItem $UserOci -Recurse -ErrorAction SilentlyContinue | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" })

    function Invoke-PwshAtHome {
        # A fresh pwsh (started as this one was) running one of the Install/ scripts with HOME, the XDG folders and
        # PSModulePath inside $HomeFolder; returns the JSON line the script prints, as an object.
        param([string] $HomeFolder, [string] $Script, [string[]] $Arguments)
        $saved = @{}
        $variables = @{
            HOME            = $HomeFolder
            XDG_DATA_HOME   = Join-Path $HomeFolder '.local/share'
            XDG_CONFIG_HOME = Join-Path $HomeFolder '.config'
            XDG_CACHE_HOME  = Join-Path $HomeFolder '.cache'
            # The installed module is found through the user's own module folder (under HOME) and pwsh's own.
            PSModulePath    = (Join-Path $HomeFolder '.local/share/powershell/Modules') + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        }
        foreach ($v in $variables.Keys) {
            $saved[$v] = [Environment]::GetEnvironmentVariable($v)
            $null = New-Item -ItemType Directory -Force -Path ($variables[$v] -split [IO.Path]::PathSeparator)[0]
            [Environment]::SetEnvironmentVariable($v, $variables[$v])
        }
        try {
            $out = @(Invoke-Pwsh (@('-File', (Join-Path $PSScriptRoot "Install/$Script")) + $Arguments) 2>&1 | ForEach-Object { "$_" })
            $exit = $LASTEXITCODE
        }
        finally {
            foreach ($v in $saved.Keys) { [Environment]::SetEnvironmentVariable($v, $saved[$v]) }
        }
        $json = $out | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
        if ($exit -ne 0 -or -not $json) { throw "$Script failed (exit $exit):`n$($out -join "`n")" }
        $json | ConvertFrom-Json
    }
}

AfterAll {
    if ($Work -and (Test-Path $Work)) { Remove-Item $Work -Recurse -Force }
}

Describe 'The module package' {
    It 'is a Gallery-ready module package' {
        $Package.Count | Should -Be 1
        $Package[0].Name | Should -Be "Oci.$((Import-PowerShellDataFile $ModulePath).ModuleVersion).nupkg"
        $zip = [IO.Compression.ZipFile]::OpenRead($Package[0].FullName)
        try {
            $names = @($zip.Entries | ForEach-Object FullName)
            foreach ($f in 'Oci.psd1', 'Oci.PowerShell.dll', 'Oci.format.ps1xml', 'en-US/Oci.PowerShell.dll-Help.xml', 'en-US/about_Oci.help.txt',
                'Dependencies/Oci.Core.dll', 'Dependencies/Docker.DotNet.dll', 'Dependencies/BouncyCastle.Cryptography.dll', 'Dependencies/net8.0/Oci.Core.dll',
                'Dependencies/net10.0/Oci.PowerShell.Remoting.dll') {
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
}

Describe 'Installed with <_>' -ForEach 'Install-PSResource', 'Install-Module' {
    BeforeAll {
        $tool = $_
        $userHome = Join-Path $Work "home-$tool"
        $installed = Invoke-PwshAtHome $userHome 'Install-FromRepository.ps1' @('-Tool', $tool, '-Repository', $Repository)
        $reference = New-TestImageTag -Name small
        $used = Invoke-PwshAtHome $userHome 'Use-InstalledModule.ps1' @('-Endpoint', $Endpoint, '-Reference', $reference, '-PwshImage', $PwshImage)
    }

    It 'installs into the temporary HOME only' {
        @($installed.Paths).Count | Should -Be 1
        $installed.Paths[0] | Should -BeLike "$userHome/*"
        $installed.Versions[0] | Should -Be (Import-PowerShellDataFile $ModulePath).ModuleVersion
        @(Get-ChildItem $UserOci -Recurse -ErrorAction SilentlyContinue | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" }) |
            Should -Be $UserOciBefore -Because "the user's own module folder is untouched"
    }

    It 'imports by name in a fresh pwsh, from where it was installed' {
        $used.ModuleBase | Should -Be $installed.Paths[0]
        $used.Version | Should -Be $installed.Versions[0]
    }

    It 'has help for every cmdlet: a synopsis, every parameter documented, an example' {
        @($used.Help.Cmdlet | Sort-Object -CaseSensitive) | Should -Be $Cmdlets
        foreach ($h in $used.Help) {
            $h.Synopsis | Should -Not -BeNullOrEmpty -Because "$($h.Cmdlet) has a synopsis"
            $h.Synopsis.Contains("$($h.Cmdlet) [") | Should -BeFalse -Because "$($h.Cmdlet)'s help was found, not generated from its syntax"
            @($h.Undocumented) | Should -BeNullOrEmpty -Because "every parameter of $($h.Cmdlet) is documented"
            $h.Examples | Should -BeGreaterOrEqual 1 -Because "$($h.Cmdlet) has an example"
        }
    }

    It 'shows about_Oci' {
        $used.About | Should -BeTrue
    }

    It 'pulls an image from the test bed' {
        $used.Pulled | Should -Be $reference
        $used.Digest | Should -Match '^sha256:[0-9a-f]{64}$'
    }

    It 'opens a PowerShell session in a container with the transport it installed' {
        $used.Remote | Should -Be '7.6.9'
        $used.Transport | Should -Be (Join-Path $installed.Paths[0] 'Dependencies' 'net10.0' 'Oci.PowerShell.Remoting.dll')
    }
}

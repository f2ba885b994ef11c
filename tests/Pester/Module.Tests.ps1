#Requires -Version 7.2
# The module as a whole: manifest, layout, dependency load context, format views, Remove-Module.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'The Oci module' {
    AfterEach {
        Disconnect-OciEngine -All
    }

    It 'has a valid manifest that exports exactly the five cmdlets' {
        $m = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop
        $m.Name | Should -Be 'Oci'
        $m.Version.ToString() | Should -Be '0.1.0'
        $m.RootModule | Should -Be 'Oci.PowerShell.dll'
        @($m.ExportedCmdlets.Keys | Sort-Object -CaseSensitive) | Should -Be $Cmdlets
        $m.ExportedFunctions.Count | Should -Be 0
        $m.ExportedAliases.Count | Should -Be 0
        $m.ExportedVariables.Count | Should -Be 0
        @($m.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
        $m.PowerShellVersion.ToString() | Should -Be '5.1'
        @($m.ExportedFormatFiles | Split-Path -Leaf) | Should -Be @('Oci.format.ps1xml')
        @($m.ExportedTypeFiles | Split-Path -Leaf) | Should -Be @('Oci.types.ps1xml')
        foreach ($key in 'Tags', 'LicenseUri', 'ProjectUri', 'ReleaseNotes') {
            "$($m.PrivateData.PSData[$key])" | Should -Not -BeNullOrEmpty -Because "PrivateData.PSData.$key is required"
        }
    }

    It 'exports every cmdlet the assembly has, and only those' {
        $all = Import-Module (Join-Path $ModuleFolder 'Oci.PowerShell.dll') -PassThru -Force -Prefix ZzAll
        try {
            @($all.ExportedCmdlets.Keys -replace 'ZzAll', '' | Sort-Object -CaseSensitive) | Should -Be $Cmdlets -Because 'Oci.psd1 CmdletsToExport must list every cmdlet'
        }
        finally {
            Remove-Module $all
            Import-Module $ModulePath -Force
        }
    }

    It 'imports as a binary module with exactly the cmdlets of its manifest' {
        @(Get-Command -Module Oci | ForEach-Object { '{0}:{1}' -f $_.Name, $_.CommandType } | Sort-Object -CaseSensitive) |
            Should -Be @($Cmdlets | ForEach-Object { "${_}:Cmdlet" })
        (Get-Module Oci).ModuleType | Should -Be 'Binary'
    }

    It 'keeps its dependencies apart and loads them in its own load context' {
        foreach ($f in 'Oci.PowerShell.dll', 'Oci.format.ps1xml', 'Oci.types.ps1xml', 'en-US/Oci.PowerShell.dll-Help.xml', 'en-US/about_Oci.help.txt',
            'Dependencies/Oci.Core.dll', 'Dependencies/Docker.DotNet.dll', 'Dependencies/BouncyCastle.Cryptography.dll',
            'Dependencies/net8.0/Oci.Core.dll', 'Dependencies/net8.0/BouncyCastle.Cryptography.dll') {
            Join-Path $ModuleFolder $f | Should -Exist
        }
        foreach ($f in 'Oci.Core.dll', 'Docker.DotNet.dll', 'System.Text.Json.dll') {
            Join-Path $ModuleFolder $f | Should -Not -Exist -Because "$f belongs in Dependencies/, not next to the module"
        }
        $c = Connect-TestEngine
        $r = Invoke-OciRequest -Method PING -Connection $c
        $core = $r.GetType().Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name | Should -Not -Be 'Default'
        # PowerShell 7 runs the net8.0 build (its own pooled transport); Windows PowerShell 5.1 the netstandard2.0 one.
        $core.Location | Should -Be (Join-Path $ModuleFolder 'Dependencies' 'net8.0' 'Oci.Core.dll')
        $core.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false).FrameworkName | Should -Be '.NETCoreApp,Version=v8.0'
        @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'Docker.DotNet*' -and $_.Location -like "$ModuleFolder*" }) |
            Should -BeNullOrEmpty -Because 'the net8.0 build needs no Docker.DotNet'
        @(Get-ChildItem (Join-Path $ModuleFolder 'Dependencies' 'net8.0') -Recurse -File | ForEach-Object Name | Sort-Object) |
            Should -Be @('BouncyCastle.Cryptography.dll', 'Oci.Core.dll', 'Tomlyn.dll') -Because 'the net8.0 closure is Oci.Core, BouncyCastle and Tomlyn; the runtime has the rest'
        $c.GetType().Assembly.Location | Should -Be (Join-Path $ModuleFolder 'Oci.PowerShell.dll')
    }

    It 'shows images as a table with the designed columns' {
        $null = Connect-TestEngine
        $null = Invoke-OciPull $Small
        $text = (Invoke-OciRequest -Method LIST -Kind IMAGE | ForEach-Object Data | Format-Table | Out-String -Width 160) -replace "`e\[[0-9;]*m", ''
        @(Get-TableColumns $text) | Should -Be $ImageColumns
        $text | Should -Match '(?m)small.*\b[0-9a-f]{12}\b'
        $text | Should -Not -Match '(?m)^(Id|Digests|Tags)\s*:'
    }

    It 'shows connections as a table with the designed columns' {
        $c = Connect-TestEngine -Name fmt
        $text = (Get-OciConnection | Format-Table | Out-String -Width 160) -replace "`e\[[0-9;]*m", ''
        @(Get-TableColumns $text) | Should -Be $ConnectionColumns
        $line = @($text -split "`r?`n" | Where-Object { $_.StartsWith('fmt ') })
        $line.Count | Should -Be 1
        $line[0] | Should -BeLike "*$Endpoint*"
        $line[0] | Should -BeLike '* explicit *' -Because 'Source says where the endpoint came from'
        $line[0] | Should -BeLike '*True*'
        $line[0] | Should -BeLike "* $($c.EngineVersion) *" -Because 'the whole version shows, not cut short'
    }

    It 'shows responses as a table with the designed columns' {
        $null = Connect-TestEngine
        $text = (Invoke-OciPull $Small | Format-Table | Out-String -Width 160) -replace "`e\[[0-9;]*m", ''
        @(Get-TableColumns $text) | Should -Be $ResponseColumns
        $text | Should -Match 'PULL.*small'
    }

    It 'closes its connections on Remove-Module' {
        $c = Connect-TestEngine -Name held
        $c.Connected | Should -BeTrue
        Remove-Module Oci -ErrorAction Stop
        try {
            $c.Connected | Should -BeFalse
        }
        finally {
            Import-Module $ModulePath -ErrorAction Stop
        }
        @(Get-OciConnection).Count | Should -Be 0
        { Invoke-OciRequest -Method PING -Connection $c -ErrorAction Stop } | Should -Throw
    }
}

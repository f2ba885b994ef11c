#Requires -Version 7.2
# Invoke-OciRequest with every standard method, -Kind, -Parameters, -Verbose, completion, errors.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Invoke-OciRequest' {
    BeforeEach {
        Disconnect-OciEngine -All
        $c = Connect-TestEngine
    }

    It 'PING, VERSION and INFO answer typed data that agrees with the connection' {
        $ping = Invoke-OciRequest -Method PING
        $version = Invoke-OciRequest VERSION
        $info = Invoke-OciRequest -Method info -Kind ENGINE -Connection $c
        foreach ($r in $ping, $version, $info) {
            $r.GetType().FullName | Should -Be 'Oci.OciResponse'
            "$($r.Kind)" | Should -Be 'Engine'
        }
        @($ping.Method, $version.Method, $info.Method) | Should -Be @('PING', 'VERSION', 'INFO')
        $ping.Status | Should -Be 'OK'
        $ping.Data.GetType().FullName | Should -Be 'Oci.OciPing'
        $ping.Data.ApiVersion | Should -Be $c.ApiVersion
        $version.Data.GetType().FullName | Should -Be 'Oci.OciEngineVersion'
        $version.Data.Version | Should -Be $c.EngineVersion
        $info.Data.GetType().FullName | Should -Be 'Oci.OciEngineInfo'
        $info.Data.ServerVersion | Should -Be $c.EngineVersion
    }

    It 'LIST -Kind IMAGE returns typed images and filters by target' {
        $null = Invoke-OciPull $Small
        $all = @((Invoke-OciRequest -Method LIST -Kind IMAGE).Data)
        $filtered = @((Invoke-OciRequest LIST "$Registry/small").Data)
        $withAll = @((Invoke-OciRequest -Method LIST -Parameters @{ all = $true }).Data)
        $all | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciImage' }
        @($all | Where-Object { $_.Tags -contains $Small }).Count | Should -BeGreaterOrEqual 1
        $filtered.Count | Should -BeGreaterOrEqual 1
        $filtered.Count | Should -BeLessOrEqual $all.Count
        $filtered | ForEach-Object { @($_.Tags | Where-Object { $_.StartsWith("$Registry/small:") }).Count | Should -BeGreaterOrEqual 1 }
        $withAll.Count | Should -BeGreaterOrEqual $all.Count
    }

    It 'INSPECT, PULL, TAG and REMOVE round-trip with -Parameters' {
        $tag = "$Registry/small:t-$([guid]::NewGuid().ToString('N'))"
        $pulled = Invoke-OciRequest -Method PULL -Target $Small
        $inspected = Invoke-OciRequest INSPECT $Small
        $tagged = Invoke-OciRequest -Method TAG -Target $Small -Parameters @{ tag = $tag }
        $listed = Invoke-OciRequest -Method LIST -Target $tag
        $removed = Invoke-OciRequest -Method REMOVE -Target $tag -Parameters @{ force = $false; noprune = $true }
        $id = $pulled.Data.Id
        $pulled.Data.GetType().FullName | Should -Be 'Oci.OciImage'
        $inspected.Data.Id | Should -Be $id
        $tagged.Status | Should -Be 'Tagged'
        $tagged.Target | Should -Be $tag
        $tagged.Data.Id | Should -Be $id
        @($listed.Data).Count | Should -Be 1
        @($listed.Data)[0].Id | Should -Be $id
        $removed.Status | Should -Be 'Untagged'
        $removed.Data.GetType().FullName | Should -Be 'Oci.OciImageRemoval'
        @($removed.Data.Untagged) | Should -Be @($tag)
        { Invoke-OciRequest -Method INSPECT -Target $tag -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest'
    }

    It 'INSPECT of a missing image is an ObjectNotFound error on that reference' {
        $missing = "$Registry/nosuch-image:latest"
        $err = { Invoke-OciRequest -Method INSPECT -Target $missing -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be $missing
    }

    It 'an unsupported method is a NotImplemented error' {
        $err = { Invoke-OciRequest -Method FROB -Target $Small -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.Unsupported,Oci.PowerShell.InvokeOciRequest' -ExpectedMessage '*FROB*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.TargetObject | Should -Be $Small
    }

    It 'a malformed method name is an InvalidArgument error' {
        $err = { Invoke-OciRequest -Method 'NOT VALID' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'bad -Parameters are InvalidArgument errors naming the parameter' {
        $err = { Invoke-OciRequest -Method LIST -Parameters @{ bogus = 1 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest' -ExpectedMessage '*bogus*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err = { Invoke-OciRequest -Method LIST -Parameters @{ all = 'notabool' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest' -ExpectedMessage '*all*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        { Invoke-OciRequest -Method LIST -Kind NOSUCHKIND } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,Oci.PowerShell.InvokeOciRequest'
    }

    It '-Verbose shows the request line but never a secret' {
        $verbose = Invoke-OciRequest -Method LIST -Kind IMAGE -Parameters @{ all = $true } -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose | Where-Object { $_.Message -like '*LIST IMAGE all=True*' }).Count | Should -BeGreaterOrEqual 1
        $quiet = Invoke-OciRequest -Method LIST -Kind IMAGE 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($quiet).Count | Should -Be 0

        $errs = @()
        $secret = @(try { Invoke-OciRequest -Method LIST -Parameters @{ password = 'hunter2-Secret' } -Verbose -ErrorAction Stop 4>&1 } catch { $errs += $_ }) |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($secret | Where-Object { $_.Message -like '*LIST IMAGE password=`*`*`**' }).Count | Should -BeGreaterOrEqual 1
        @($secret | Where-Object { $_.Message -like '*hunter2*' }).Count | Should -Be 0
        @($errs | Where-Object { "$_" -like '*hunter2*' }).Count | Should -Be 0
    }

    It 'writes verbose text as $VerbosePreference says, and -Verbose:$false wins over it' {
        # The cmdlets build verbose text only when it is shown; shown is decided as for any cmdlet.
        $rs = New-TestRunspace
        try {
            $null = Connect-InRunspace $rs
            $byPreference = Invoke-InRunspace $rs { $VerbosePreference = 'Continue'; Invoke-OciRequest PING }
            @($byPreference.Verbose | Where-Object { $_.Message -like 'PING ENGINE*' }).Count | Should -Be 1
            $byPreference.Output.Count | Should -Be 1
            $overruled = Invoke-InRunspace $rs { $VerbosePreference = 'Continue'; Invoke-OciRequest PING -Verbose:$false }
            @($overruled.Verbose).Count | Should -Be 0
            $overruled.Output.Count | Should -Be 1
            $inFunction = Invoke-InRunspace $rs { function Test-Ping { [CmdletBinding()] param() Invoke-OciRequest PING }; Test-Ping -Verbose }
            @($inFunction.Verbose | Where-Object { $_.Message -like 'PING ENGINE*' }).Count | Should -Be 1
        }
        finally {
            $rs.Dispose()
        }
    }

    It '-Method completes from the connection''s driver' {
        $line = 'Invoke-OciRequest -Method P'
        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText)
        $completions | Should -Contain 'PING'
        $completions | Should -Contain 'PULL'
        $completions | Should -Not -Contain 'LIST'
    }
}

Describe 'Invoke-OciRequest with containers' {
    BeforeAll {
        Disconnect-OciEngine -All
        $podman = Connect-OciEngine -Endpoint $PodmanEndpoint -Name reqctr-podman -ErrorAction Stop
        $run = [guid]::NewGuid().ToString('N')
    }

    AfterAll { Remove-TestContainers -Run $run -Connection $podman }

    It 'CREATE takes the spec as -Parameters, unknown keys refused by name; LOGS writes its lines as they arrive' {
        $name = New-TestContainerName
        $r = Invoke-OciRequest CREATE $Small -Kind Container -Parameters @{ name = $name; command = 'sh', '-c', 'echo a; echo b >&2'; networkMode = 'none'; labels = @{ $ContainerLabel = $run } } -Connection $podman
        $r.Status | Should -Be 'Created'
        $r.Data.Name | Should -Be $name
        { Invoke-OciRequest CREATE $Small -Kind Container -Parameters @{ comand = 'true' } -Connection $podman } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest'
        $null = Invoke-OciRequest START $name -Kind Container -Connection $podman
        $null = Invoke-OciRequest WAIT $name -Kind Container -Connection $podman
        $lines = @(Invoke-OciRequest LOGS $name -Kind Container -Parameters @{ follow = $true } -Connection $podman)
        ($lines | ForEach-Object { "$($_.Stream) $($_.Text)" } | Sort-Object) | Should -Be @('Stderr b', 'Stdout a')
        $lines[0].GetType().FullName | Should -Be 'Oci.OciLogLine'
    }
}

Describe 'Invoke-OciRequest LIST -Kind Container on <_>' -ForEach 'docker', 'podman' {
    BeforeAll {
        $c = Connect-OciEngine -Endpoint ($_ -eq 'docker' ? $Endpoint : $PodmanEndpoint) -Name "reqlist-$_" -ErrorAction Stop
        $run = [guid]::NewGuid().ToString('N')
        $made = New-LabelledTestContainer -Connection $c -Run $run -NoStart
    }

    AfterAll {
        Remove-TestContainers -Run $run -Connection $c
        Disconnect-OciEngine -Connection $c
    }

    It 'answers containers, never images (the kind is honoured)' {
        $r = Invoke-OciRequest LIST -Kind Container -Parameters @{ all = $true } -Connection $c
        $r.Kind | Should -Be 'Container'
        $items = @($r.Data)
        $items.Count | Should -BeGreaterThan 0
        $items | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciContainer' }
        $items.Id | Should -Contain $made.Id
        $images = @((Invoke-OciRequest LIST -Kind Image -Connection $c).Data)
        $images | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciImage' }
        @($items.Id | Where-Object { $_ -in $images.Id }).Count | Should -Be 0
    }
}

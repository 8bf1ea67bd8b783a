// The admin panel's module as an AngularJS 1.3 user writes it: ui-router states (the list, and Add
// Integration, which mounts the guide anew each time), a controller with the model, and a directive
// that listens to guide-change with $scope.$apply, as AngularJS users listen to any DOM event.
/* global angular */
angular.module('admin', ['ui.router'])
  .config(['$stateProvider', '$urlRouterProvider', function ($stateProvider, $urlRouterProvider) {
    $urlRouterProvider.otherwise('/integrations');
    $stateProvider
      .state('integrations', {
        url: '/integrations',
        template: '<h1>Integrations</h1><p id="list">No integrations yet.</p>',
      })
      .state('add', {
        url: '/add?partition',
        templateUrl: 'app/add.html',
        controller: 'AddIntegrationCtrl',
      });
  }])
  .factory('$exceptionHandler', ['$log', function ($log) {
    return function (exception, cause) {
      window.recorded.errors.push(String(exception && exception.message || exception));
      $log.error(exception, cause);
    };
  }])
  .controller('AddIntegrationCtrl', ['$scope', '$stateParams', function ($scope, $stateParams) {
    $scope.partitions = ['aws', 'aws-cn', 'aws-us-gov'];
    $scope.integration = {
      name: 'AWS-IAM-Integration',
      accountId: '123456789012',
      partition: $stateParams.partition || 'aws',
      method: 'cross-account',
      required: true,
      roleArn: '',
      complete: false,
    };
    // ng-submit: AngularJS keeps a form without an action from leaving the page.
    $scope.save = function () {
      var data = {}, entries = new FormData(document.getElementById('integration')).entries(), step;
      while (!(step = entries.next()).done) data[step.value[0]] = step.value[1];
      window.recorded.saved.push({ model: $scope.integration.roleArn, form: data });
      $scope.saved = JSON.stringify(data);
    };
  }])
  .directive('shippableGuide', function () {
    return {
      restrict: 'A',
      link: function (scope, element) {
        element.on('guide-change', function (event) {
          var detail = (event.originalEvent || event).detail;
          scope.$apply(function () {
            scope.integration.roleArn = detail.value;
            scope.integration.complete = detail.complete;
          });
        });
      },
    };
  });

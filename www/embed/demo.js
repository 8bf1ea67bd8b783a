// The mock settings page: fills its Role ARN field from the guide's guide-change event.
const form = document.getElementById('add-integration');
const arn = document.getElementById('role-arn');
const status = document.getElementById('role-arn-status');
const save = document.getElementById('save');

document.addEventListener('guide-change', (event) => {
  const output = event.detail.outputs['cross-account-role-arn'];
  arn.value = output.complete ? output.text : '';
  save.disabled = !output.complete;
  status.textContent = output.complete
    ? 'Filled in from the guide.'
    : `Waiting for the guide: ${output.status}`;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  status.textContent = `Saved (demo): ${form.elements['integration-name'].value} with ${arn.value}`;
});
